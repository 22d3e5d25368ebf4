import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { Language, StoryTranslationRef } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { CanDirective } from '../../core/auth/can.directive';
import { StoryStatusChip } from '../story-status-chip';

/** A story's other language versions, and the languages it could still be told in. */
@Component({
  selector: 'it-story-versions',
  imports: [CanDirective, MatButtonModule, RouterLink, StoryStatusChip, TranslocoPipe],
  template: `
    <section class="it-panel" aria-labelledby="versions-title">
      <h2 id="versions-title">{{ 'stories.versions.title' | transloco }}</h2>
      <ul class="it-plain">
        @for (t of translations(); track t.id) {
          <li>
            <a [routerLink]="['/story-desk', t.id]" [attr.lang]="t.language">{{ 'language.names.' + t.language | transloco }}</a>
            <it-story-status-chip [status]="t.status" />
          </li>
        } @empty {
          <li class="it-small">{{ 'stories.versions.none' | transloco }}</li>
        }
      </ul>
      @if (missing().length) {
        <div *itCan="'create'; on: 'stories'" class="it-row">
          @for (l of missing(); track l) {
            <button mat-stroked-button type="button" (click)="add.emit(l)">+ {{ 'language.names.' + l | transloco }}</button>
          }
        </div>
      }
    </section>
  `,
  styleUrl: './editor-panel.scss',
  styles: `
    .it-plain {
      list-style: none;
      padding: 0;
      margin: 0;
      li {
        display: flex;
        gap: 8px;
        align-items: center;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StoryVersions {
  readonly translations = input.required<StoryTranslationRef[]>();
  /** Languages without a version yet. */
  readonly missing = input<readonly Language[]>([]);
  readonly add = output<Language>();
}
