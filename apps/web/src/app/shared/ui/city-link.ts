import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** One click to the city: every city name is a link to its page, isolated for mixed-direction text. */
@Component({
  selector: 'it-city-link',
  imports: [RouterLink],
  template: `@if (id()) {
      <a [routerLink]="['/cities', id()]"
        ><bdi>{{ name() }}</bdi></a
      >
    } @else {
      <bdi>{{ name() }}</bdi>
    }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CityLink {
  readonly id = input<string | null | undefined>(null);
  readonly name = input<string | null | undefined>('');
}

/** Cities as links, one after another with commas. */
@Component({
  selector: 'it-city-links',
  imports: [CityLink],
  template: `@for (city of cities(); track city.id; let last = $last) {
    <it-city-link [id]="city.id" [name]="city.name" />{{ last ? '' : ', ' }}
  }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CityLinks {
  readonly cities = input<readonly { id: string; name: string }[] | null | undefined>([]);
}

/** Names (people, partners), one after another with commas; "None" when there are none. */
@Component({
  selector: 'it-names',
  imports: [TranslocoPipe],
  template: `@for (ref of names(); track ref.id; let last = $last) {
      <bdi>{{ ref.name }}</bdi
      >{{ last ? '' : ', ' }}
    } @empty {
      {{ 'common.none' | transloco }}
    }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Names {
  readonly names = input<readonly { id: string; name: string }[] | null | undefined>([]);
}
