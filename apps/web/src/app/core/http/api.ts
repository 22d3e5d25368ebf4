import { HttpParams } from '@angular/common/http';
import { Page } from '@impact/contracts';

/** Base of every API URL: same origin, so the built app works wherever the API serves it. */
export const API = '/api';

type ParamValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** Query parameters for a list call; empty values are left out. */
export function toParams(query: Record<string, ParamValue>): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params = Array.isArray(value) ? params.set(key, value.join(',')) : params.set(key, String(value));
  }
  return params;
}

/** Some lookups may answer a bare array; pages are the contract, accept both. */
export function itemsOf<T>(answer: Page<T> | T[]): T[] {
  return Array.isArray(answer) ? answer : answer.items;
}
