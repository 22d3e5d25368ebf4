import { AbstractControl, ValidationErrors } from '@angular/forms';

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
