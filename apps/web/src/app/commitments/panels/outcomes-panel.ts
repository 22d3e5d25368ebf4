import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { CommitmentListItem, commitmentPlace, outcomePlace } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { CanDirective } from '../../core/auth/can.directive';
import { relatedRecords } from '../../shared/ui/record-page';
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
  readonly commitment = input.required<CommitmentListItem>();

  protected readonly outcomes = relatedRecords(
    () => this.commitment().id,
    (commitmentId) => this.api.list({ commitmentId, sort: 'date:desc', pageSize: 100 }),
  );
  protected readonly place = computed(() => commitmentPlace(this.commitment()));
  protected readonly outcomePlace = outcomePlace;

  protected add(): void {
    const c = this.commitment();
    this.open({ commitment: { id: c.id, name: c.title }, city: { id: c.cityId, name: c.cityName } });
  }

  protected open(data: OutcomeFormData): void {
    this.outcomes.openForm(OutcomeForm, data);
  }
}
