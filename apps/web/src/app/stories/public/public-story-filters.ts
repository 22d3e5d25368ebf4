import { ChangeDetectionStrategy, Component, DestroyRef, inject, input } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import { LANGUAGES, PublicStoryFacets, STORY_CATEGORIES } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Subject, debounceTime } from 'rxjs';

export type PublicStoryFilterKey = 'category' | 'hubId' | 'cityId' | 'language' | 'q';
export type PublicStoryFilterValues = Record<PublicStoryFilterKey, string>;

/**
 * The public story list's filters: search, category, hub, city and the stories' language. They live in
 * the URL (a filtered page is a link): a choice here changes the page's address, and the page follows it.
 */
@Component({
  selector: 'it-public-story-filters',
  imports: [MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, TranslocoPipe],
  template: `
    <div class="it-filters" role="search" [attr.aria-label]="'publicStoryFilters.label' | transloco">
      <mat-form-field subscriptSizing="dynamic" class="it-search">
        <mat-label>{{ 'publicStoryFilters.search' | transloco }}</mat-label>
        <mat-icon matPrefix aria-hidden="true">search</mat-icon>
        <input
          matInput
          type="search"
          enterkeyhint="search"
          autocomplete="off"
          data-testid="public-story-search"
          [value]="filters().q"
          (input)="search($any($event.target).value)"
          (keydown.enter)="set('q', $any($event.target).value.trim())"
        />
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'stories.fields.category' | transloco }}</mat-label>
        <mat-select [value]="filters().category" (selectionChange)="set('category', $event.value)">
          <mat-option value="">{{ 'stories.desk.all' | transloco }}</mat-option>
          @for (c of categories; track c) {
            <mat-option [value]="c">{{ 'stories.category.' + c | transloco }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'stories.fields.hub' | transloco }}</mat-label>
        <mat-select [value]="filters().hubId" (selectionChange)="set('hubId', $event.value)">
          <mat-option value="">{{ 'stories.desk.all' | transloco }}</mat-option>
          @for (h of hubs(); track h.id) {
            <mat-option [value]="h.id">{{ h.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'stories.fields.city' | transloco }}</mat-label>
        <mat-select [value]="filters().cityId" (selectionChange)="set('cityId', $event.value)">
          <mat-option value="">{{ 'stories.desk.all' | transloco }}</mat-option>
          @for (c of cities(); track c.id) {
            <mat-option [value]="c.id"
              ><bdi>{{ c.name }} ({{ c.countryCode }})</bdi></mat-option
            >
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'stories.fields.storyLanguage' | transloco }}</mat-label>
        <mat-select [value]="filters().language" (selectionChange)="set('language', $event.value)">
          <mat-option value="">{{ 'stories.public.bestLanguage' | transloco }}</mat-option>
          @for (l of languages; track l) {
            <mat-option [value]="l">{{ 'language.names.' + l | transloco }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>
  `,
  styleUrl: './public-story-filters.scss',
  styles: ':host { display: block; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicStoryFilters {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  readonly filters = input.required<PublicStoryFilterValues>();
  readonly hubs = input<{ id: string; name: string }[]>([]);
  readonly cities = input<PublicStoryFacets['cities']>([]);

  protected readonly categories = STORY_CATEGORIES;
  protected readonly languages = LANGUAGES;
  private readonly typed = new Subject<string>();

  constructor() {
    // The search follows typing after a short pause, so a word is one request, not one per letter.
    this.typed.pipe(debounceTime(350), takeUntilDestroyed(inject(DestroyRef))).subscribe((q) => this.set('q', q.trim()));
  }

  protected search(value: string): void {
    this.typed.next(value);
  }

  protected set(key: PublicStoryFilterKey, value: string): void {
    if ((this.filters()[key] ?? '') === value) return;
    void this.router.navigate([], { relativeTo: this.route, queryParams: { [key]: value || null }, queryParamsHandling: 'merge' });
  }
}
