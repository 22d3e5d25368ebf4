import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DashboardFilters, DashboardHubFigures, KPIS, KpiId } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocaleNumberPipe } from '../../core/i18n/locale.pipes';
import { Ratio } from '../../shared/ui/figures';
import { door } from './doors';
import { HubNamePipe } from '../../shared/ui/hub-name';

/** The figures that are counts, one column each, in the order of the cards. */
const COUNTS = ['activeCities', 'engagements', 'participants', 'commitmentsAchieved', 'commitmentsAtRisk', 'followUpsOverdue'] as const;

/** The same figures per hub; a hub's name narrows the dashboard to it, a figure opens its list for that hub. */
@Component({
  selector: 'it-hub-table',
  imports: [HubNamePipe, LocaleNumberPipe, Ratio, RouterLink, TranslocoPipe],
  templateUrl: './hub-table.html',
  styleUrl: './panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HubTable {
  readonly rows = input.required<DashboardHubFigures[]>();
  readonly filters = input.required<DashboardFilters>();

  protected readonly kpis = KPIS;
  protected readonly counts = COUNTS;

  /** The list behind one hub's figure, in the dashboard's range. */
  protected door(id: KpiId, hubId: string) {
    return door(id, { from: this.filters().from, to: this.filters().to, hubId });
  }

  protected count(row: DashboardHubFigures, id: (typeof COUNTS)[number]): number {
    return id === 'participants' ? row.participants.total : row[id];
  }
}
