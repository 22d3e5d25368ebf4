import { Pipe, PipeTransform } from '@angular/core';

/**
 * Wraps text in Unicode first-strong isolates (FSI … PDI): the text-only twin of `<bdi>`, for values
 * interpolated into a translated sentence, so a Latin name or a date keeps its order inside Arabic.
 */
export function isolate(value: string | null | undefined): string {
  if (!value) return '';
  return value.startsWith('\u2068') && value.endsWith('\u2069') ? value : `\u2068${value}\u2069`;
}

@Pipe({ name: 'itIsolate' })
export class IsolatePipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return isolate(value);
  }
}
