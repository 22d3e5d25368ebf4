import { Directive, Signal, TemplateRef, Type, ViewContainerRef, computed, inject, input } from '@angular/core';
import { renderWhenIdle } from './render-when-idle';

/**
 * A part of a page or frame that comes once the browser is idle after the first paint (see
 * `renderWhenIdle`), so its code and its rendering stay off the first paint: a toolbar's menus, a
 * search field, a page's filters. The template's content is its placeholder, shown until then (a
 * look-alike of its size, `<it-look-alike>`):
 *
 * ```html
 * <ng-template [itIdlePart]="load" [itIdlePartInputs]="{ compact: true }">
 *   <it-look-alike icon="translate" />
 * </ng-template>
 * ```
 *
 * `load()` resolves to the component that replaces the placeholder; `itIdlePartInputs` are set on it
 * and kept in step. `shown()` says whether it is there.
 */
@Directive({ selector: 'ng-template[itIdlePart]' })
export class IdlePart {
  /** Loads the part's component. */
  readonly itIdlePart = input.required<() => Promise<Type<unknown>>>();
  /** The inputs set on it. */
  readonly itIdlePartInputs = input<Record<string, unknown>>({});
  private readonly host = inject(ViewContainerRef);
  readonly shown: Signal<boolean> = renderWhenIdle(
    computed(() => this.host),
    () => this.itIdlePart()(),
    () => this.itIdlePartInputs(),
    inject(TemplateRef),
  );
}
