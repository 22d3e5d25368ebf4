import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MAX_ITEMS, MAX_LENGTH, Quote } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';

/** The story's quotes, each said by someone: add, edit, remove. */
@Component({
  selector: 'it-story-quotes',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslocoPipe],
  template: `
    <section class="it-section">
      <h2>{{ 'stories.fields.quotes' | transloco }}</h2>
      @for (q of quotes(); track $index; let i = $index) {
        <fieldset class="it-quote">
          <legend>{{ 'stories.editor.quoteN' | transloco: { n: i + 1 } }}</legend>
          <mat-form-field>
            <mat-label>{{ 'stories.editor.quoteText' | transloco }}</mat-label>
            <textarea
              matInput
              rows="2"
              [name]="'quote' + i"
              [dir]="textDir()"
              [disabled]="disabled()"
              [attr.maxlength]="limit.quoteText"
              [ngModel]="q.text"
              (ngModelChange)="edit(i, 'text', $event)"
            ></textarea>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'stories.editor.attribution' | transloco }}</mat-label>
            <input
              matInput
              [name]="'attribution' + i"
              [dir]="textDir()"
              [disabled]="disabled()"
              [attr.maxlength]="limit.quoteAttribution"
              [ngModel]="q.attribution"
              (ngModelChange)="edit(i, 'attribution', $event)"
            />
            @if (q.text.trim() && !q.attribution.trim()) {
              <mat-hint class="it-warn">{{ 'stories.editor.attributionRequired' | transloco }}</mat-hint>
            }
          </mat-form-field>
          @if (!disabled()) {
            <button mat-button type="button" (click)="remove(i)">
              <mat-icon aria-hidden="true">delete</mat-icon>{{ 'stories.editor.removeQuote' | transloco }}
            </button>
          }
        </fieldset>
      }
      @if (!disabled() && quotes().length < maxQuotes) {
        <button mat-stroked-button type="button" (click)="add()">
          <mat-icon aria-hidden="true">format_quote</mat-icon>{{ 'stories.editor.addQuote' | transloco }}
        </button>
      }
    </section>
  `,
  styleUrl: './editor-panel.scss',
  styles: `
    .it-quote {
      display: flex;
      flex-direction: column;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 12px;
      margin-block-end: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StoryQuotes {
  readonly quotes = input.required<Quote[]>();
  /** The direction of the story's language (not of the page around it). */
  readonly textDir = input<'ltr' | 'rtl'>('ltr');
  readonly disabled = input(false);
  readonly changed = output<Quote[]>();
  protected readonly limit = MAX_LENGTH.story;
  protected readonly maxQuotes = MAX_ITEMS.story.quotes;

  protected add(): void {
    this.changed.emit([...this.quotes(), { text: '', attribution: '' }]);
  }

  protected edit(index: number, key: keyof Quote, value: string): void {
    this.changed.emit(this.quotes().map((q, i) => (i === index ? { ...q, [key]: value } : q)));
  }

  protected remove(index: number): void {
    this.changed.emit(this.quotes().filter((_, i) => i !== index));
  }
}
