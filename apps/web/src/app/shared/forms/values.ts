import { Ref } from '@impact/contracts';

/** A number field's value for the API: empty is null (a number input gives `''` or null when cleared). */
export function optionalNumber(value: number | string | null | undefined): number | null {
  return value === null || value === undefined || value === '' ? null : Number(value);
}

/** An id with its name for a picker (the id stands in for a name the server did not send). */
export function refOf(id: string | null | undefined, name?: string | null): Ref | null {
  return id ? { id, name: name ?? id } : null;
}

/** Refs for a multiple picker: the names the server sent, else the ids alone. */
export function refsOf(refs: Ref[] | null | undefined, ids: readonly string[]): Ref[] {
  return refs ?? ids.map((id) => ({ id, name: id }));
}

/** One address a line, blank lines left out. */
export function lines(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
