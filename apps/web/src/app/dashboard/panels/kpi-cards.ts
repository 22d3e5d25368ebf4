import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { COMMITMENT_STATUSES, DashboardFigures, DashboardFilters, KPIS, KpiId, PARTICIPANT_GROUPS, share } from '@impact/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language.service';
import { LocaleNumberPipe } from '../../core/i18n/locale.pipes';
import { IdlePart } from '../../shared/ui/idle-part';
import { LookAlike } from '../../shared/ui/look-alike';
import { StatusChip } from '../../shared/ui/status-chip';
import { Door, door } from './doors';

interface Card {
  id: KpiId;
  value: number | null;
  /** Shown instead of the bare number (a share, a number of days). */
  display?: string;
  door: Door;
}

/** The KPI cards: every figure a door to the list that holds it, every label explained in a tooltip. */
@Component({
  selector: 'it-kpi-cards',
  imports: [IdlePart, LocaleNumberPipe, LookAlike, NgTemplateOutlet, RouterLink, StatusChip, TranslocoPipe],
  templateUrl: './kpi-cards.html',
  styleUrls: ['./panel.scss', './kpi-cards.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KpiCards {
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  readonly totals = input.required<DashboardFigures>();
  readonly filters = input.required<DashboardFilters>();
  /** The hub the figures are narrowed to, if any. */
  readonly hubName = input('');

  protected readonly statuses = COMMITMENT_STATUSES;
  protected readonly groups = PARTICIPANT_GROUPS;
  protected readonly door = door;
  /** A card's "about" button with its tooltip, rendered once the figures have painted. */
  protected readonly info = () => import('./kpi-info').then((m) => m.KpiInfo);

  protected kpi(id: KpiId) {
    return KPIS[id];
  }

  protected readonly cards = computed<Card[]>(() => {
    const t = this.totals();
    const filters = this.filters();
    const locale = this.language.locale();
    const ratio = share(t.engagementsLedToCommitment, t.engagements);
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const card = (id: KpiId, value: number | null, display?: string): Card => ({ id, value, display, door: door(id, filters) });
    return [
      card('activeCities', t.activeCities),
      card('engagements', t.engagements),
      card('commitmentsAchieved', t.commitmentsAchieved),
      card('commitmentsAtRisk', t.commitmentsAtRisk),
      card('followUpsOverdue', t.followUpsOverdue),
      card(
        'medianDaysToAchievement',
        t.medianDaysToAchievement,
        t.medianDaysToAchievement === null
          ? '—'
          : this.transloco.translate('dashboard.days', { n: Math.round(t.medianDaysToAchievement * 10) / 10 }),
      ),
      card('engagementsLedToCommitment', t.engagementsLedToCommitment, ratio === null ? '—' : percent.format(ratio)),
    ];
  });
}
