import { Directive, TemplateRef, ViewContainerRef, computed, effect, inject, input } from '@angular/core';
import { Action, RecordPlace, Resource } from '@impact/contracts';
import { AuthService } from './auth.service';

/**
 * Shows its content only when the permission table allows it:
 * `<button *itCan="'create'; on: 'engagements'">` or, for one record,
 * `*itCan="'update'; on: 'commitments'; record: { hubIds: [c.hubId], cityIds: [c.cityId] }"`.
 */
@Directive({ selector: '[itCan]' })
export class CanDirective {
  private readonly auth = inject(AuthService);
  private readonly template = inject(TemplateRef<unknown>);
  private readonly container = inject(ViewContainerRef);

  readonly itCan = input.required<Action>();
  readonly itCanOn = input.required<Resource>();
  readonly itCanRecord = input<RecordPlace | undefined>(undefined);

  private readonly allowed = computed(() => this.auth.can(this.itCanOn(), this.itCan(), this.itCanRecord()));

  constructor() {
    effect(() => {
      const allowed = this.allowed();
      if (allowed && this.container.length === 0) this.container.createEmbeddedView(this.template);
      if (!allowed) this.container.clear();
    });
  }
}
