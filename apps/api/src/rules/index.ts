export * from './derived.sql';
