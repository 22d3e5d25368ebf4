import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { Ref } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { StoriesApi } from './data-access/stories.api';

export type LinkKind = 'cities' | 'engagements' | 'commitments' | 'outcomes';

/** Linked records of one kind: chips to remove, and a field that searches as you type to add. */
@Component({
  selector: 'it-story-link-picker',
  imports: [MatAutocompleteModule, MatButtonModule, MatChipsModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslocoPipe],
  template: `
    <mat-chip-set [attr.aria-label]="label()">
      @for (r of value(); track r.id) {
        <mat-chip [removable]="!disabled()" (removed)="remove(r)">
          <bdi>{{ r.name }}</bdi>
          @if (!disabled()) {
            <button matChipRemove type="button" [attr.aria-label]="'stories.editor.removeNamed' | transloco: { name: r.name }">
              <mat-icon>cancel</mat-icon>
            </button>
          }
        </mat-chip>
      } @empty {
        <span class="it-none">{{ 'stories.editor.noneLinked' | transloco }}</span>
      }
    </mat-chip-set>
    @if (!disabled()) {
      <mat-form-field subscriptSizing="dynamic" class="it-add">
        <mat-label>{{ 'stories.editor.addLink' | transloco: { what: label() } }}</mat-label>
        <input matInput #box [matAutocomplete]="auto" (input)="query.set(box.value)" />
        <mat-icon matSuffix aria-hidden="true">search</mat-icon>
        <mat-autocomplete #auto="matAutocomplete" (optionSelected)="add($event.option.value); box.value = ''; query.set('')">
          @for (o of options(); track o.id) {
            <mat-option [value]="o"
              ><bdi>{{ o.name }}</bdi></mat-option
            >
          }
        </mat-autocomplete>
      </mat-form-field>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .it-none {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .it-add {
      max-inline-size: 420px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StoryLinkPicker {
  private readonly api = inject(StoriesApi);
  readonly kind = input.required<LinkKind>();
  readonly label = input.required<string>();
  readonly value = input.required<Ref[]>();
  readonly disabled = input(false);
  readonly changed = output<Ref[]>();

  protected readonly query = signal('');
  private readonly found = toSignal(
    toObservable(this.query).pipe(
      debounceTime(200),
      distinctUntilChanged(),
      switchMap((q) =>
        this.api.search(this.kind(), q).pipe(
          map((page) =>
            page.items.map((x) => ({
              id: x.id,
              name: x.name ?? x.title ?? (x.description ? `${x.description}${x.cityName ? ` (${x.cityName})` : ''}` : x.id),
            })),
          ),
          catchError(() => of([] as Ref[])),
        ),
      ),
    ),
    { initialValue: [] as Ref[] },
  );
  protected readonly options = computed(() => this.found().filter((o) => !this.value().some((v) => v.id === o.id)));

  protected add(ref: Ref): void {
    if (!this.value().some((v) => v.id === ref.id)) this.changed.emit([...this.value(), ref]);
  }

  protected remove(ref: Ref): void {
    this.changed.emit(this.value().filter((v) => v.id !== ref.id));
  }
}
