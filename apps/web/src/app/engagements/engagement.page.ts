import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { PARTICIPANT_GROUPS, Ref, engagementPlace } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { CommitmentForm, CommitmentFormData } from '../commitments/commitment-form';
import { CanDirective } from '../core/auth/can.directive';
import { LocaleDatePipe, LocaleNumberPipe } from '../core/i18n/locale.pipes';
import { PartnerLinks } from '../shared/ui/partner-links';
import { CityLink, CityLinks } from '../shared/ui/city-link';
import { FigureRange } from '../shared/ui/figures';
import { Notices } from '../shared/ui/notices';
import { HistoryField, RecordHistory } from '../shared/ui/record-history';
import { RecordPage, versionHistory } from '../shared/ui/record-page';
import { RecordStates } from '../shared/ui/record-states';
import { EditAction } from '../shared/ui/row-action';
import { EngagementsApi } from './data-access/engagements.api';
import { EngagementForm } from './engagement-form';
import { EngagementResults } from './engagement-results';
import { HubNamePipe } from '../shared/ui/hub-name';

/** How the history shows each audited field of an engagement. */
const HISTORY_FIELDS: Record<string, HistoryField> = {
  title: { label: 'fields.title' },
  type: { label: 'fields.type', as: 'enum', key: 'enums.engagementType' },
  startDate: { label: 'fields.startDate', as: 'date' },
  endDate: { label: 'fields.endDate', as: 'date' },
  online: { label: 'engagements.online', as: 'flag' },
  summary: { label: 'fields.summary' },
  evidenceLinks: { label: 'engagements.evidenceLinks' },
  participants: { label: 'engagements.participants', as: 'counts', key: 'engagements.group', order: ['total', ...PARTICIPANT_GROUPS] },
  hubId: { label: 'fields.hub', as: 'ids' },
  hostCityId: { label: 'engagements.hostCity', as: 'ids' },
  locationCityId: { label: 'engagements.place', as: 'ids' },
  participatingCityIds: { label: 'engagements.cities', as: 'ids' },
  partnerIds: { label: 'fields.partners', as: 'ids' },
};

/** One engagement: what happened, what came of it (commitments, follow-ups, stories) and its history. */
@Component({
  selector: 'it-engagement-page',
  imports: [
    HubNamePipe,
    CanDirective,
    CityLink,
    CityLinks,
    EditAction,
    EngagementResults,
    FigureRange,
    LocaleDatePipe,
    LocaleNumberPipe,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    PartnerLinks,
    RecordHistory,
    RecordStates,
    TranslocoPipe,
  ],
  templateUrl: './engagement.page.html',
  styleUrls: ['../shared/ui/record-page.scss', './engagement.page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EngagementPage {
  private readonly api = inject(EngagementsApi);
  private readonly notices = inject(Notices);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly page = new RecordPage(this.id, (id) => this.api.get(id), engagementPlace);
  protected readonly e = this.page.current;
  protected readonly place = this.page.place;

  /** What came of it: read beside the engagement, again after something is recorded from the page. */
  protected readonly related = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.related(params) });
  protected readonly history = versionHistory(this.e, (id) => this.api.history(id));
  protected readonly historyFields = HISTORY_FIELDS;

  /** The groups counted, in the form's order; a group nobody came from is left out. */
  protected readonly groups = computed(() => {
    const p = this.e()?.participants;
    return p ? PARTICIPANT_GROUPS.filter((g) => p[g] > 0).map((g) => ({ group: g, count: p[g] })) : [];
  });

  /** The cities a commitment from this engagement may come from: the host, then those that took part. */
  protected readonly cities = computed<Ref[]>(() => {
    const e = this.e();
    if (!e) return [];
    const all = [...(e.hostCityId ? [{ id: e.hostCityId, name: e.hostCityName ?? '' }] : []), ...e.participatingCities];
    return all.filter((c, i) => all.findIndex((o) => o.id === c.id) === i);
  });

  /** The commitment form with this engagement as its inspiration and `city` (its hub follows from the city). */
  protected recordCommitment(city?: Ref): void {
    this.page.open(
      CommitmentForm,
      (e): CommitmentFormData => ({ city, inspiredBy: { id: e.id, name: e.title } }),
      (saved: { title: string }) => {
        this.related.reload();
        this.notices.say('engagementPage.commitmentRecorded', { name: saved.title });
      },
    );
  }

  protected edit(): void {
    this.page.edit(EngagementForm);
  }

  protected archive(): void {
    this.page.archive(
      (e) => this.api.archive(e.id),
      (e) => e.title,
      '/engagements',
    );
  }
}
