import { SetMetadata } from '@nestjs/common';

/** Marks a route as reachable without signing in (the global JWT guard of the auth issue reads it). */
export const IS_PUBLIC = 'isPublic';
export const Public = () => SetMetadata(IS_PUBLIC, true);
