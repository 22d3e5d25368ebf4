import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DashboardAtRisk } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocaleDatePipe } from '../../core/i18n/locale.pipes';
import { CityLink } from '../../shared/ui/city-link';
import { StatusChip } from '../../shared/ui/status-chip';

/** What is late: commitments at risk and overdue follow-ups, each with its city, date and owner. */
@Component({
  selector: 'it-at-risk-panel',
  imports: [CityLink, LocaleDatePipe, RouterLink, StatusChip, TranslocoPipe],
  template: `
    <section class="section" aria-labelledby="risk-heading">
      <h2 id="risk-heading" class="section-title">{{ 'dashboard.atRisk.title' | transloco }}</h2>
      @if (atRisk(); as atRisk) {
        <h3 class="sub">{{ 'dashboard.atRisk.commitments' | transloco }}</h3>
        @if (atRisk.commitments.length) {
          <ul class="risk-list" role="list">
            @for (c of atRisk.commitments; track c.id) {
              <li>
                <a [routerLink]="['/commitments', c.id]"
                  ><bdi>{{ c.title }}</bdi></a
                >
                <span class="meta">
                  <it-city-link [id]="c.cityId" [name]="c.cityName" />
                  · <it-status-chip [status]="c.status" />
                  @if (c.targetDate) {
                    · {{ 'dashboard.atRisk.target' | transloco: { date: (c.targetDate | itDate) } }}
                  }
                  · {{ 'fields.owner' | transloco }}: <bdi>{{ c.ownerName ?? ('common.nobody' | transloco) }}</bdi>
                </span>
              </li>
            }
          </ul>
        } @else {
          <p class="muted">{{ 'dashboard.atRisk.noneCommitments' | transloco }}</p>
        }
        <h3 class="sub">{{ 'dashboard.atRisk.followUps' | transloco }}</h3>
        @if (atRisk.followUps.length) {
          <ul class="risk-list" role="list">
            @for (f of atRisk.followUps; track f.id) {
              <li>
                @if (f.commitmentId) {
                  <a [routerLink]="['/commitments', f.commitmentId]"
                    ><bdi>{{ f.title }}</bdi></a
                  >
                } @else {
                  <bdi>{{ f.title }}</bdi>
                }
                <span class="meta">
                  @if (f.cityId) {
                    <it-city-link [id]="f.cityId" [name]="f.cityName" /> ·
                  }
                  {{ 'dashboard.atRisk.due' | transloco: { date: (f.dueDate | itDate) } }}
                  · {{ 'fields.owner' | transloco }}: <bdi>{{ f.ownerName ?? ('common.nobody' | transloco) }}</bdi>
                </span>
              </li>
            }
          </ul>
        } @else {
          <p class="muted">{{ 'dashboard.atRisk.noneFollowUps' | transloco }}</p>
        }
      }
    </section>
  `,
  styleUrl: './panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AtRiskPanel {
  /** Undefined while loading. */
  readonly atRisk = input<DashboardAtRisk>();
}
