/** Kept for older imports: the helpers live in records.ts and list.ts. */
export { returnedRows as writeReturning } from './records';
export { likePattern } from './list';
