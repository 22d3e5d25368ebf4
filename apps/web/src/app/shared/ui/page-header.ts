import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** Page title (the page's h1) with room for actions at the end. */
@Component({
  selector: 'it-page-header',
  template: `
    <h1 class="it-page-title">{{ heading() }}</h1>
    <div class="it-page-actions"><ng-content /></div>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      margin-block-end: 16px;
    }
    .it-page-title {
      font: var(--mat-sys-headline-small);
      margin: 0;
    }
    .it-page-actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PageHeader {
  readonly heading = input.required<string>();
}
