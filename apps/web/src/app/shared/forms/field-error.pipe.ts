import { Pipe, PipeTransform, inject } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { TranslocoService } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language.service';
import { isolate } from '../ui/isolate.pipe';
import { exampleDay } from './strict-date';

/**
 * The message for a field's first error, in the user's language: `<mat-error>{{ control | itFieldError }}</mat-error>`.
 * A message the server sent for the field (400 `details`) is shown as it came.
 */
@Pipe({ name: 'itFieldError', pure: false })
export class FieldErrorPipe implements PipeTransform {
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);

  transform(control: AbstractControl | null | undefined): string {
    const errors = control?.errors;
    if (!errors) return '';
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['required']) return t('validation.required');
    // A half-typed or impossible day: say what a whole one looks like in this language.
    if (errors['matDatepickerParse']) return t('worklists.dateWhole', { example: isolate(exampleDay(this.language.locale())) });
    if (errors['maxlength']) return t('validation.maxLength', { max: errors['maxlength'].requiredLength });
    if (errors['min']) return t('validation.min', { min: errors['min'].min });
    if (errors['max']) return t('validation.max', { max: errors['max'].max });
    if (errors['dateOrder']) return t('validation.dateOrder');
    if (errors['pick']) return t('validation.pick');
    if (errors['countryCode']) return t('validation.countryCode');
    if (errors['url']) return t('validation.url');
    if (errors['aboveTotal']) return t('dailyWork.participants.aboveTotal', { total: errors['aboveTotal'].total });
    return t('validation.invalid');
  }
}
