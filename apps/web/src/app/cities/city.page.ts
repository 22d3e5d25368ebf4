import { ComponentType } from '@angular/cdk/portal';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { CityListItem, cityPlace } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { CanDirective } from '../core/auth/can.directive';
import { LanguageService } from '../core/i18n/language.service';
import { LocaleDatePipe, LocaleNumberPipe } from '../core/i18n/locale.pipes';
import { CommitmentForm, CommitmentFormData } from '../commitments/commitment-form';
import { OutcomeFacts } from '../commitments/outcomes/outcome-facts';
import { OutcomeForm, OutcomeFormData } from '../commitments/outcomes/outcome-form';
import { EngagementForm, EngagementFormData } from '../engagements/engagement-form';
import { CityLink, Names } from '../shared/ui/city-link';
import { EmptyState } from '../shared/ui/empty-state';
import { Figure } from '../shared/ui/figures';
import { RecordPage } from '../shared/ui/record-page';
import { RecordStates } from '../shared/ui/record-states';
import { LocalePercentPipe } from '../shared/ui/percent.pipe';
import { StatusChip } from '../shared/ui/status-chip';
import { EditAction } from '../shared/ui/row-action';
import { CityForm, CityFormData } from './city-form';
import { CitiesApi } from './data-access/cities.api';
import { buildTimeline } from './timeline';
import { HubNamePipe } from '../shared/ui/hub-name';

const KIND_ICONS = { engagement: 'groups', commitment: 'handshake', followUp: 'event_upcoming', outcome: 'emoji_events' } as const;

/** A city's whole story: who it is, one timeline, and whom it learned from and taught. */
@Component({
  selector: 'it-city-page',
  imports: [
    HubNamePipe,
    CanDirective,
    CityLink,
    EditAction,
    EmptyState,
    Figure,
    LocaleDatePipe,
    LocaleNumberPipe,
    LocalePercentPipe,
    MatButtonModule,
    MatIconModule,
    Names,
    OutcomeFacts,
    MatMenuModule,
    MatTabsModule,
    RecordStates,
    RouterLink,
    StatusChip,
    TranslocoPipe,
  ],
  templateUrl: './city.page.html',
  styleUrls: ['../shared/ui/record-page.scss', './city.page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CityPage {
  private readonly api = inject(CitiesApi);
  private readonly language = inject(LanguageService);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly page = new RecordPage(
    this.id,
    (id) => this.api.timeline(id),
    (t) => cityPlace(t.city),
  );
  protected readonly t = this.page.current;
  protected readonly place = this.page.place;
  protected readonly entries = computed(() => {
    const t = this.t();
    return t ? buildTimeline(t) : [];
  });
  protected readonly icons = KIND_ICONS;

  protected year(date: string): string {
    return date.slice(0, 4);
  }

  /** The year heading, in the locale's digits. */
  protected yearLabel(date: string): string {
    const d = new Date(`${date.slice(0, 4)}-01-01T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? '' : new Intl.DateTimeFormat(this.language.locale(), { year: 'numeric', timeZone: 'UTC' }).format(d);
  }

  protected edit(): void {
    this.open(CityForm, (city): CityFormData => ({ record: city }));
  }

  protected addCommitment(): void {
    this.open(CommitmentForm, (city): CommitmentFormData => ({ city: { id: city.id, name: city.name } }));
  }

  protected addEngagement(): void {
    this.open(EngagementForm, (city): EngagementFormData => ({ hostCity: { id: city.id, name: city.name } }));
  }

  protected addOutcome(): void {
    this.open(OutcomeForm, (city): OutcomeFormData => ({ city: { id: city.id, name: city.name } }));
  }

  /** A form about this city; the timeline shows what was saved. */
  private open<C, D>(form: ComponentType<C>, data: (city: CityListItem) => D): void {
    this.page.openForm(
      form,
      (t) => data(t.city),
      () => this.page.record.reload(),
    );
  }
}
