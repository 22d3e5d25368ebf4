import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { CommitmentListItem, commitmentPlace, listedFollowUpPlace } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { CanDirective } from '../../core/auth/can.directive';
import { LocaleDatePipe } from '../../core/i18n/locale.pipes';
import { FollowUpsApi } from '../../follow-ups/data-access/follow-ups.api';
import { FollowUpForm, FollowUpFormData } from '../../follow-ups/follow-up-form';
import { relatedRecords } from '../../shared/ui/record-page';
import { RowAction } from '../../shared/ui/row-action';
import { StatusChip } from '../../shared/ui/status-chip';

/** What is owed on a commitment: its follow-ups, due first; add one, edit one. */
@Component({
  selector: 'it-commitment-follow-ups',
  imports: [CanDirective, LocaleDatePipe, MatButtonModule, MatIconModule, RowAction, StatusChip, TranslocoPipe],
  templateUrl: './follow-ups-panel.html',
  styleUrls: ['../../shared/ui/record-page.scss', '../commitment.page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommitmentFollowUps {
  private readonly api = inject(FollowUpsApi);
  readonly commitment = input.required<CommitmentListItem>();

  // Keyed on the record, not its id: a status change (achieving may close follow-ups, undo reopens them) reloads.
  protected readonly followUps = relatedRecords(this.commitment, (c) => this.api.list({ commitmentId: c.id, pageSize: 100 }));
  protected readonly place = computed(() => commitmentPlace(this.commitment()));
  protected readonly followUpPlace = listedFollowUpPlace;

  protected add(): void {
    const c = this.commitment();
    this.open({ commitment: { id: c.id, name: c.title } });
  }

  protected open(data: FollowUpFormData): void {
    this.followUps.openForm(FollowUpForm, data);
  }
}
