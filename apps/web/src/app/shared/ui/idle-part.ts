import { Directive, Signal, Type, ViewContainerRef, computed, inject, input } from '@angular/core';
import { renderWhenIdle } from './render-when-idle';

/**
 * `<ng-container [itIdlePart]="load" [itIdlePartInputs]="{ compact: true }" #part="itIdlePart" />`:
 * renders the component `load()` resolves to in its place once the browser is idle after the first
 * paint (see `renderWhenIdle`), so a part of the frame that is not the page's content (a toolbar's
 * menus, a search field) keeps its code and its rendering off the first paint. `part.shown()` says
 * whether it is there; the template shows a look-alike of its size until then.
 */
@Directive({ selector: '[itIdlePart]', exportAs: 'itIdlePart' })
export class IdlePart {
  readonly load = input.required<() => Promise<Type<unknown>>>({ alias: 'itIdlePart' });
  readonly inputs = input<Record<string, unknown>>({}, { alias: 'itIdlePartInputs' });
  private readonly host = inject(ViewContainerRef);
  readonly shown: Signal<boolean> = renderWhenIdle(
    computed(() => this.host),
    () => this.load()(),
    () => this.inputs(),
  );
}
