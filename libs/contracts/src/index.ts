export * from './lib/enums';
export * from './lib/workflow';
export * from './lib/derived';
export * from './lib/permissions';
export * from './lib/models';
export * from './lib/routes';
export * from './lib/stories';
export * from './lib/kpis';
