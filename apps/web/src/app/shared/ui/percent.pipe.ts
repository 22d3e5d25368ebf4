import { Pipe, PipeTransform, inject } from '@angular/core';
import { LanguageService } from '../../core/i18n/language.service';

const formats = new Map<string, Intl.NumberFormat>();

/** `{{ 0.4 | itPercent }}` → "40 %" / "٤٠٪" in the active language. */
@Pipe({ name: 'itPercent', pure: false })
export class LocalePercentPipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(value: number | null | undefined): string {
    if (value === null || value === undefined) return '';
    const locale = this.language.locale();
    let format = formats.get(locale);
    if (!format) {
      format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
      formats.set(locale, format);
    }
    return format.format(value);
  }
}
