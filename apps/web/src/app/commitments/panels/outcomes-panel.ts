import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { CommitmentListItem, commitmentPlace, outcomePlace } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { CanDirective } from '../../core/auth/can.directive';
import { RecordDialogs } from '../../shared/forms/dialogs';
import { RowAction } from '../../shared/ui/row-action';
import { OutcomeFacts } from '../outcomes/outcome-facts';
import { OutcomeForm, OutcomeFormData } from '../outcomes/outcome-form';
import { OutcomesApi } from '../outcomes/outcomes.api';

/** What came of a commitment: its outcomes with their evidence, newest first; add one, edit one. */
@Component({
  selector: 'it-commitment-outcomes',
  imports: [CanDirective, MatButtonModule, MatIconModule, OutcomeFacts, RowAction, TranslocoPipe],
  templateUrl: './outcomes-panel.html',
  styleUrls: ['../../shared/ui/record-page.scss', '../commitment.page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommitmentOutcomes {
  private readonly api = inject(OutcomesApi);
  private readonly dialogs = inject(RecordDialogs);
  readonly commitment = input.required<CommitmentListItem>();

  protected readonly outcomes = rxResource({
    params: () => this.commitment().id,
    stream: ({ params }) => this.api.list({ commitmentId: params, sort: 'date:desc', pageSize: 100 }),
  });
  protected readonly items = computed(() => (this.outcomes.hasValue() ? this.outcomes.value().items : []));
  protected readonly place = computed(() => commitmentPlace(this.commitment()));
  protected readonly outcomePlace = outcomePlace;

  protected add(): void {
    const c = this.commitment();
    this.open({ commitment: { id: c.id, name: c.title }, city: { id: c.cityId, name: c.cityName } });
  }

  protected open(data: OutcomeFormData): void {
    this.dialogs.openRecordForm(OutcomeForm, data, () => this.outcomes.reload());
  }
}
