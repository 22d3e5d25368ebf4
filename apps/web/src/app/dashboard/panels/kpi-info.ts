import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { KPIS, KpiId } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * A KPI card's "about" button: what the figure means, in a tooltip (on hover, on keyboard focus, on a
 * long press), and the button's accessible name says which figure it explains. Rendered once the
 * figures have painted (the tooltip's overlay code stays off their first paint).
 */
@Component({
  selector: 'it-kpi-info',
  imports: [MatButtonModule, MatIconModule, MatTooltipModule, TranslocoPipe],
  template: `
    <button
      mat-icon-button
      type="button"
      class="info"
      [matTooltip]="kpi().descriptionKey | transloco"
      [attr.aria-label]="'dashboard.about' | transloco: { label: (kpi().labelKey | transloco) }"
    >
      <mat-icon aria-hidden="true">info</mat-icon>
    </button>
  `,
  styles: `
    :host {
      display: inline-flex;
      flex: none;
    }
    @media print {
      :host {
        display: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KpiInfo {
  readonly id = input.required<KpiId>();
  protected kpi() {
    return KPIS[this.id()];
  }
}
