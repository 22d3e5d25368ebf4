import { ChangeDetectionStrategy, Component, input, linkedSignal, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { RecordPlace, StoryDetail, StoryExportFormat, StoryStatus } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { CanDirective } from '../../core/auth/can.directive';
import { LocaleDatePipe } from '../../core/i18n/locale.pipes';
import { SubmitBlocker } from '../story-gating';

/** A story's next steps: submit for review (or why not yet), publish or send back, archive, and the exports. */
@Component({
  selector: 'it-story-workflow',
  imports: [
    CanDirective,
    FormsModule,
    LocaleDatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    RouterLink,
    TranslocoPipe,
  ],
  template: `
    @let s = story();
    <section class="it-panel" aria-labelledby="workflow-title">
      <h2 id="workflow-title">{{ 'stories.workflow.title' | transloco }}</h2>
      @if (s.status === 'draft' && mayTransition()) {
        <button
          mat-flat-button
          type="button"
          class="it-submit"
          [disabled]="busy() || blockers().length > 0"
          (click)="move.emit({ to: 'in_review' })"
        >
          <mat-icon aria-hidden="true">send</mat-icon>{{ 'stories.workflow.submit' | transloco }}
        </button>
        @for (b of blockers(); track b) {
          <p class="it-small it-blocker"><mat-icon aria-hidden="true">info</mat-icon>{{ 'stories.workflow.blocker.' + b | transloco }}</p>
        }
      }
      @if (s.status === 'in_review' && mayTransition()) {
        <p class="it-small">{{ 'stories.workflow.reviewIntro' | transloco }}</p>
        <button
          *itCan="'publish'; on: 'stories'"
          mat-flat-button
          type="button"
          [disabled]="busy()"
          (click)="move.emit({ to: 'published' })"
        >
          <mat-icon aria-hidden="true">public</mat-icon>{{ 'stories.workflow.publish' | transloco }}
        </button>
        <mat-form-field class="it-note">
          <mat-label>{{ 'stories.workflow.reason' | transloco }}</mat-label>
          <textarea matInput rows="3" name="sendBackNote" [ngModel]="sendBackNote()" (ngModelChange)="sendBackNote.set($event)"></textarea>
        </mat-form-field>
        <button mat-stroked-button type="button" [disabled]="busy() || !sendBackNote().trim()" (click)="sendBack()">
          <mat-icon aria-hidden="true">undo</mat-icon>{{ 'stories.workflow.sendBack' | transloco }}
        </button>
      }
      @if (s.status === 'published') {
        <p class="it-small">
          {{ 'stories.workflow.publishedOn' | transloco: { date: (s.publishedAt | itDate: 'long'), name: s.approvedByName ?? '' } }}
        </p>
        <a mat-stroked-button [routerLink]="['/stories', s.id]" target="_blank" rel="noopener">
          <mat-icon aria-hidden="true">open_in_new</mat-icon>{{ 'stories.workflow.viewPublic' | transloco }}
        </a>
        <button
          *itCan="'archive'; on: 'stories'; record: place()"
          mat-button
          type="button"
          [disabled]="busy()"
          (click)="move.emit({ to: 'archived' })"
        >
          <mat-icon aria-hidden="true">inventory_2</mat-icon>{{ 'stories.workflow.archive' | transloco }}
        </button>
      }
      <div class="it-row">
        <button mat-button type="button" (click)="download.emit('md')">
          <mat-icon aria-hidden="true">download</mat-icon>{{ 'stories.export.md' | transloco }}
        </button>
        <button mat-button type="button" (click)="download.emit('html')">
          <mat-icon aria-hidden="true">download</mat-icon>{{ 'stories.export.html' | transloco }}
        </button>
      </div>
    </section>
  `,
  styleUrl: './editor-panel.scss',
  styles: `
    .it-note {
      inline-size: 100%;
    }
    .it-blocker {
      display: flex;
      gap: 4px;
      align-items: center;
      mat-icon {
        font-size: 16px;
        inline-size: 16px;
        block-size: 16px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StoryWorkflow {
  readonly story = input.required<StoryDetail>();
  readonly place = input.required<RecordPlace>();
  readonly mayTransition = input(false);
  readonly blockers = input<SubmitBlocker[]>([]);
  readonly busy = input(false);
  /** A step to take; a send-back carries the reviewer's reason. */
  readonly move = output<{ to: StoryStatus; note?: string }>();
  readonly download = output<StoryExportFormat>();
  /** The reviewer's reason for sending the story back; spent once the story has moved on. */
  protected readonly sendBackNote = linkedSignal({ source: () => this.story().status, computation: () => '' });

  protected sendBack(): void {
    this.move.emit({ to: 'draft', note: this.sendBackNote().trim() });
  }
}
