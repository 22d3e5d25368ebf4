import { ChangeDetectionStrategy, Component, booleanAttribute, DestroyRef, OnInit, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, ReactiveFormsModule, ValidationErrors } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { Ref } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { catchError, debounceTime, distinctUntilChanged, of, switchMap, tap } from 'rxjs';
import { LookupsApi } from '../data/lookups.api';
import { FieldErrorPipe } from './field-error.pipe';

/** What a picker searches (a `LookupsApi` search). */
export type Lookup = 'cities' | 'partners' | 'people' | 'engagements' | 'commitments';

/** Text typed in a single picker but never picked from the list. */
export function picked(control: AbstractControl): ValidationErrors | null {
  const v = control.value;
  return typeof v === 'string' && v.trim() !== '' ? { pick: true } : null;
}

/**
 * A picker that searches the API as you type. Single: the control holds a `Ref` or null. Multiple: the
 * control holds `Ref[]`, shown as chips. Names are kept with ids so nothing needs resolving again.
 */
@Component({
  selector: 'it-ref-picker',
  imports: [
    FieldErrorPipe,
    MatAutocompleteModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  template: `
    <mat-form-field appearance="outline" class="it-picker">
      <mat-label>{{ label() | transloco }}</mat-label>
      @if (multiple()) {
        <mat-chip-grid #grid [attr.aria-label]="label() | transloco" [formControl]="$any(control())">
          @for (ref of chips(); track ref.id) {
            <mat-chip-row [value]="ref" (removed)="remove(ref)">
              <bdi>{{ ref.name }}</bdi>
              <button matChipRemove type="button" [attr.aria-label]="'form.removeNamed' | transloco: { name: ref.name }">
                <mat-icon aria-hidden="true">cancel</mat-icon>
              </button>
            </mat-chip-row>
          }
          <input
            dir="auto"
            autocomplete="off"
            [matChipInputFor]="grid"
            [matAutocomplete]="auto"
            [value]="text()"
            (input)="text.set($any($event.target).value)"
            (blur)="control().markAsTouched()"
          />
        </mat-chip-grid>
      } @else {
        <input
          matInput
          dir="auto"
          autocomplete="off"
          [formControl]="$any(control())"
          [matAutocomplete]="auto"
          [required]="required()"
          (input)="text.set($any($event.target).value)"
        />
      }
      <mat-icon matSuffix aria-hidden="true">search</mat-icon>
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="display" (optionSelected)="select($event)">
        @if (searching()) {
          <mat-option disabled>{{ 'common.loading' | transloco }}</mat-option>
        }
        @for (option of options(); track option.id) {
          <mat-option [value]="option">
            <bdi>{{ option.name }}</bdi>
            @if (option.hint) {
              <!-- Isolated: a date's digits and slashes keep their order beside an Arabic title. -->
              <span class="it-option-hint"
                >· <bdi>{{ option.hint }}</bdi></span
              >
            }
          </mat-option>
        }
        @if (!searching() && searched() && options().length === 0) {
          <mat-option disabled>{{ 'form.noOptions' | transloco }}</mat-option>
        }
      </mat-autocomplete>
      @if (hint()) {
        <mat-hint>{{ hint() | transloco }}</mat-hint>
      }
      <mat-error>{{ control() | itFieldError }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    .it-picker {
      inline-size: 100%;
    }
    .it-option-hint {
      color: var(--mat-sys-on-surface-variant);
      margin-inline-start: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RefPicker implements OnInit {
  private readonly destroyRef = inject(DestroyRef);
  private readonly lookups = inject(LookupsApi);
  readonly control = input.required<FormControl<Ref | null> | FormControl<Ref[]>>();
  /** Translation key. */
  readonly label = input.required<string>();
  readonly lookup = input.required<Lookup>();
  readonly multiple = input(false, { transform: booleanAttribute });
  readonly required = input(false, { transform: booleanAttribute });
  readonly hint = input('');
  /** A city whose own records the search offers first (for "inspired by": the city's recent engagements). */
  readonly near = input<string | null | undefined>(null);

  protected readonly text = signal('');
  protected readonly options = signal<(Ref & { hint?: string })[]>([]);
  protected readonly searching = signal(false);
  protected readonly searched = signal(false);
  private readonly value = signal<unknown>(null);
  protected readonly chips = computed(() => (Array.isArray(this.value()) ? (this.value() as Ref[]) : []));

  protected readonly display = (value: Ref | string | null): string => (typeof value === 'string' ? value : (value?.name ?? ''));

  constructor() {
    let shownNear: string | null = null;
    toObservable(computed(() => ({ q: this.text(), near: this.near() ?? null })))
      .pipe(
        // Another city: what was offered for the last one goes at once, not after the new search lands.
        tap(({ near }) => {
          if (near === shownNear) return;
          shownNear = near;
          this.options.set([]);
          this.searched.set(false);
        }),
        debounceTime(250),
        distinctUntilChanged((a, b) => a.q === b.q && a.near === b.near),
        tap(() => this.searching.set(true)),
        switchMap(({ q, near }) =>
          (this.lookup() === 'engagements' ? this.lookups.engagements(q.trim(), near) : this.lookups[this.lookup()](q.trim())).pipe(
            catchError(() => of([] as (Ref & { hint?: string })[])),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((options) => {
        this.searching.set(false);
        this.searched.set(true);
        const chosen = new Set(this.chips().map((c) => c.id));
        this.options.set(options.filter((o) => !chosen.has(o.id)));
      });
  }

  ngOnInit(): void {
    const control = this.control() as FormControl<unknown>;
    this.value.set(control.value);
    control.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((v) => this.value.set(v));
    if (!this.multiple()) control.addValidators(picked);
  }

  protected select(event: MatAutocompleteSelectedEvent): void {
    const ref = event.option.value as Ref & { hint?: string };
    const picked: Ref = { id: ref.id, name: ref.name };
    if (this.multiple()) {
      const control = this.control() as FormControl<Ref[]>;
      if (!control.value.some((r) => r.id === ref.id)) control.setValue([...control.value, picked]);
      this.text.set('');
      event.option.deselect();
    } else {
      (this.control() as FormControl<Ref | null>).setValue(picked);
    }
    this.control().markAsDirty();
  }

  protected remove(ref: Ref): void {
    const control = this.control() as FormControl<Ref[]>;
    control.setValue(control.value.filter((r) => r.id !== ref.id));
    control.markAsDirty();
  }
}
