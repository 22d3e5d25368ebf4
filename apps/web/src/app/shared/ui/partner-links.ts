import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * A partner's name as a link to the engagements that worked with it (the engagements list filtered by
 * the partner), isolated for mixed-direction text.
 */
@Component({
  selector: 'it-partner-link',
  imports: [RouterLink, TranslocoPipe],
  template: `<a
    class="it-partner-link"
    [routerLink]="['/engagements']"
    [queryParams]="{ partnerId: id() }"
    [attr.title]="'worklists.partnerEngagements' | transloco: { name: name() }"
    ><bdi>{{ name() }}</bdi></a
  >`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerLink {
  readonly id = input.required<string>();
  readonly name = input.required<string>();
}

/** Partners as links, one after another with commas; "None" when there are none. */
@Component({
  selector: 'it-partner-links',
  imports: [PartnerLink, TranslocoPipe],
  template: `@for (partner of partners(); track partner.id; let last = $last) {
      <it-partner-link [id]="partner.id" [name]="partner.name" />{{ last ? '' : ', ' }}
    } @empty {
      {{ 'common.none' | transloco }}
    }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerLinks {
  readonly partners = input<readonly { id: string; name: string }[] | null | undefined>([]);
}
