import { AbstractControl, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { Bounds } from '@impact/contracts';

/** An http(s) address, or nothing. */
export function urlValidator(control: AbstractControl): ValidationErrors | null {
  const value = typeof control.value === 'string' ? control.value.trim() : '';
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? null : { url: true };
  } catch {
    return { url: true };
  }
}

/** A two-letter ISO 3166 country code. */
export function countryCodeValidator(control: AbstractControl): ValidationErrors | null {
  const value = typeof control.value === 'string' ? control.value.trim() : '';
  return !value || /^[A-Za-z]{2}$/.test(value) ? null : { countryCode: true };
}

/** Text of at most `max` characters (a limit from `MAX_LENGTH`), required or not. */
export function text(max: number, options: { required?: boolean } = {}): ValidatorFn[] {
  return options.required ? [Validators.required, Validators.maxLength(max)] : [Validators.maxLength(max)];
}

/** A number within bounds (from `BOUNDS`), inclusive. */
export function bounded(bounds: Bounds): ValidatorFn[] {
  return [Validators.min(bounds.min), Validators.max(bounds.max)];
}
