import { Initial1764064800000 } from './1764064800000-initial';

/** Every migration in order, listed by hand: the API is bundled by webpack, so no file globs. */
export const MIGRATIONS = [Initial1764064800000];
