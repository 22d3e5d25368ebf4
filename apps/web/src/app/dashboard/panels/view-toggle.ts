import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';

export type ChartView = 'chart' | 'table';

/** Chart or table: the table is the chart's words and numbers, for keyboards, screen readers and print. */
@Component({
  selector: 'it-view-toggle',
  imports: [MatButtonToggleModule, MatIconModule, TranslocoPipe],
  template: `
    <mat-button-toggle-group
      hideSingleSelectionIndicator
      [value]="view()"
      (change)="view.set($event.value)"
      [attr.aria-label]="label()"
      [attr.data-testid]="testId()"
    >
      <mat-button-toggle value="chart"
        ><mat-icon aria-hidden="true">{{ chartIcon() }}</mat-icon> {{ 'dashboard.views.chart' | transloco }}</mat-button-toggle
      >
      <mat-button-toggle value="table"
        ><mat-icon aria-hidden="true">table</mat-icon> {{ 'dashboard.views.table' | transloco }}</mat-button-toggle
      >
    </mat-button-toggle-group>
  `,
  styles: `
    :host {
      display: inline-block;
    }
    mat-button-toggle-group {
      --mat-button-toggle-height: 36px;
    }
    mat-icon {
      vertical-align: middle;
      font-size: 20px;
      block-size: 20px;
      inline-size: 20px;
    }
    @media print {
      :host {
        display: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ViewToggle {
  readonly view = model<ChartView>('chart');
  /** "Show the map as", in the active language. */
  readonly label = input.required<string>();
  readonly chartIcon = input('insights');
  readonly testId = input<string | null>(null);
}
