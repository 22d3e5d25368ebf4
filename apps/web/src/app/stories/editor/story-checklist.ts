import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { IsoInstant, SENSITIVITY_QUESTIONS, SensitivityAnswers } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocaleDatePipe } from '../../core/i18n/locale.pipes';
import { IsolatePipe } from '../../shared/ui/isolate.pipe';

/** The sensitivity checklist a story needs before review, and who last confirmed it. */
@Component({
  selector: 'it-story-checklist',
  imports: [IsolatePipe, LocaleDatePipe, MatCheckboxModule, TranslocoPipe],
  template: `
    <section class="it-panel" aria-labelledby="checklist-title">
      <h2 id="checklist-title">{{ 'stories.checklist.title' | transloco }}</h2>
      <p class="it-small">{{ 'stories.checklist.intro' | transloco }}</p>
      @for (q of questions; track q) {
        <mat-checkbox
          [name]="q"
          [disabled]="disabled()"
          [checked]="answers()[q]"
          (change)="answered.emit({ question: q, value: $event.checked })"
        >
          {{ 'stories.checklist.' + q | transloco }}
        </mat-checkbox>
      }
      @if (confirmedBy(); as who) {
        <p class="it-small">
          {{
            'stories.checklist.confirmedBy' | transloco: { name: (who | itIsolate), date: (confirmedAt() | itDate: 'medium' | itIsolate) }
          }}
        </p>
      }
    </section>
  `,
  styleUrl: './editor-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StoryChecklist {
  readonly answers = input.required<SensitivityAnswers>();
  readonly disabled = input(false);
  readonly confirmedBy = input<string | null>();
  readonly confirmedAt = input<IsoInstant | null>();
  readonly answered = output<{ question: keyof SensitivityAnswers; value: boolean }>();
  protected readonly questions = SENSITIVITY_QUESTIONS;
}
