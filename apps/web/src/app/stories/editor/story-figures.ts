import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { Language, MAX_LENGTH, StoryFigure, StoryFigureWordings, figuresInOtherLanguage, wordedFigure } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language.service';
import { Figure } from '../../shared/ui/figures';

/**
 * The figures a story cites, worded in the story's language: the number is the record's, the unit and
 * the line are the author's. A line still in another language is marked; the story cannot go to
 * review until none is.
 */
@Component({
  selector: 'it-story-figures',
  imports: [Figure, FormsModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslocoPipe],
  template: `
    <section class="it-section" aria-labelledby="story-figures-title">
      <h2 id="story-figures-title">{{ 'stories.figures.title' | transloco }}</h2>
      <p class="it-small">{{ 'stories.figures.hint' | transloco: { language: languageName() } }}</p>
      @for (f of rows(); track f.id) {
        <fieldset class="it-figure-row" [class.it-figure-row--foreign]="f.foreign">
          <legend>
            @if (f.value !== null) {
              <it-figure [value]="f.value" [unit]="f.worded.unit" />
            } @else {
              {{ 'stories.figures.noNumber' | transloco }}
            }
          </legend>
          <p class="it-small it-figure-record">
            {{ 'stories.figures.inRecord' | transloco }}
            <bdi>{{ f.unit ? f.unit + ' — ' : '' }}{{ f.description }}</bdi>
          </p>
          <div class="it-figure-fields">
            <mat-form-field class="it-figure-unit">
              <mat-label>{{ 'stories.figures.unit' | transloco }}</mat-label>
              <input
                matInput
                [name]="'figure-unit-' + f.id"
                [dir]="textDir()"
                [disabled]="disabled()"
                [attr.maxlength]="limit.unit"
                [ngModel]="f.worded.unit ?? ''"
                (ngModelChange)="edit(f.id, 'unit', $event)"
              />
            </mat-form-field>
            <mat-form-field class="it-figure-line">
              <mat-label>{{ 'stories.figures.line' | transloco }}</mat-label>
              <textarea
                matInput
                rows="2"
                [name]="'figure-line-' + f.id"
                [dir]="textDir()"
                [disabled]="disabled()"
                [attr.maxlength]="limit.description"
                [ngModel]="f.worded.description"
                (ngModelChange)="edit(f.id, 'description', $event)"
              ></textarea>
              @if (f.foreign) {
                <mat-hint class="it-warn">{{ 'stories.figures.foreign' | transloco: { language: languageName() } }}</mat-hint>
              }
            </mat-form-field>
          </div>
        </fieldset>
      } @empty {
        <p class="it-small">{{ 'stories.figures.none' | transloco }}</p>
      }
    </section>
  `,
  styleUrl: './editor-panel.scss',
  styles: `
    .it-figure-row {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding-block: 8px;
      padding-inline: 12px;
      margin-block-end: 8px;
    }
    .it-figure-row--foreign {
      border-color: #8a5a00;
      border-inline-start-width: 4px;
    }
    legend {
      font: var(--mat-sys-title-small);
      padding-inline: 4px;
    }
    .it-figure-record {
      margin-block: 0 8px;
      overflow-wrap: anywhere;
    }
    .it-figure-fields {
      display: grid;
      grid-template-columns: minmax(120px, 1fr) minmax(200px, 3fr);
      column-gap: 12px;
    }
    @media (max-width: 599.98px) {
      .it-figure-fields {
        grid-template-columns: 1fr;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StoryFigures {
  /** The cited figures as their records have them (saved links only). */
  readonly figures = input.required<StoryFigure[]>();
  readonly wording = input.required<StoryFigureWordings>();
  readonly language = input.required<Language>();
  /** The direction of the story's language (not of the page around it). */
  readonly textDir = input<'ltr' | 'rtl'>('ltr');
  readonly disabled = input(false);
  readonly changed = output<StoryFigureWordings>();

  private readonly ui = inject(LanguageService);
  /** The story's language named in the reader's ("Arabic", "arabe", "العربية"). */
  protected readonly languageName = computed(
    () => new Intl.DisplayNames([this.ui.language()], { type: 'language' }).of(this.language()) ?? this.language(),
  );

  protected readonly limit = { unit: MAX_LENGTH.outcome.unit, description: MAX_LENGTH.outcome.description };

  protected readonly rows = computed(() => {
    const wording = this.wording();
    const foreign = new Set(figuresInOtherLanguage(this.figures(), wording, this.language()));
    return this.figures().map((f) => ({ ...f, worded: wordedFigure(f, wording), foreign: foreign.has(f.id) }));
  });

  /** A change to one figure's unit or line: the first edit starts from the record's words. */
  protected edit(id: string, field: 'unit' | 'description', value: string): void {
    const figure = this.figures().find((f) => f.id === id);
    if (!figure) return;
    const current = this.wording()[id] ?? { unit: figure.unit, description: figure.description };
    this.changed.emit({ ...this.wording(), [id]: { ...current, [field]: field === 'unit' ? value || null : value } });
  }
}
