import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslocoPipe } from '@jsverse/transloco';

/** A card page (a link followed from a mail) while its link is being checked. */
@Component({
  selector: 'it-card-loading',
  imports: [MatProgressSpinnerModule, TranslocoPipe],
  template: `
    <div class="it-card-loading" role="status">
      <mat-spinner diameter="40" />
      <span>{{ 'common.loading' | transloco }}</span>
    </div>
  `,
  styleUrl: './card-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CardLoading {}

/**
 * A card page's link that cannot be used: the failure's icon and its title (`<texts>.<failure>.title`);
 * what to say and do about it is the page's own content.
 */
@Component({
  selector: 'it-card-problem',
  imports: [MatIconModule, TranslocoPipe],
  template: `
    <section class="it-card it-card-problem" [attr.data-failure]="failure()">
      <mat-icon aria-hidden="true" class="it-card-icon">{{ failure() === 'limited' ? 'hourglass_top' : 'link_off' }}</mat-icon>
      <h1>{{ texts() + '.' + failure() + '.title' | transloco }}</h1>
      <ng-content />
    </section>
  `,
  styleUrl: './card-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CardProblem {
  readonly failure = input.required<string>();
  /** Translation key prefix of the failures' texts. */
  readonly texts = input.required<string>();
}
