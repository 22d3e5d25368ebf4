import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RTL_LANGUAGES, StoryRevisionDetail, StoryRevisionSummary, type Language } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { LocaleDatePipe } from '../../core/i18n/locale.pipes';
import { StoriesApi } from '../data-access/stories.api';
import { ComparedText, diffStory } from './story-diff';

/** A side of the comparison: a published revision's number, or the draft in the editor. */
type Side = number | 'draft';

/**
 * The story's published revisions, and a word-level diff between any two of them or between one and
 * the draft in the editor (unsaved changes included).
 */
@Component({
  selector: 'it-story-revisions',
  imports: [LocaleDatePipe, MatFormFieldModule, MatSelectModule, TranslocoPipe],
  template: `
    <section class="it-panel" aria-labelledby="revisions-title" data-testid="story-revisions">
      <h2 id="revisions-title">{{ 'storyDiff.title' | transloco }}</h2>
      @if (failed()) {
        <p class="it-small" role="alert">{{ 'storyDiff.loadFailed' | transloco }}</p>
      } @else if (!items().length) {
        <p class="it-small">{{ 'storyDiff.none' | transloco }}</p>
      } @else {
        <ol class="it-entries">
          @for (r of items(); track r.revision) {
            <li>
              <span class="it-revision-head">
                <strong>{{ 'storyDiff.revision' | transloco: { n: r.revision } }}</strong>
                @if (r.current) {
                  <span class="it-live">{{ 'storyDiff.live' | transloco }}</span>
                }
              </span>
              <span class="it-small">{{ r.publishedAt | itDate: 'medium' }} · {{ r.publishedBy ?? ('common.nobody' | transloco) }}</span>
              <!-- Isolated in its own language and direction, placed by the page's direction. -->
              <span
                ><bdi [attr.lang]="r.language">{{ r.title }}</bdi></span
              >
            </li>
          }
        </ol>

        <div class="it-pick">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'storyDiff.from' | transloco }}</mat-label>
            <mat-select [value]="from()" (valueChange)="from.set($event)" data-testid="diff-from">
              @for (o of options(); track o) {
                <mat-option [value]="o">{{ sideLabel(o) | transloco: { n: o } }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'storyDiff.to' | transloco }}</mat-label>
            <mat-select [value]="to()" (valueChange)="to.set($event)" data-testid="diff-to">
              @for (o of options(); track o) {
                <mat-option [value]="o">{{ sideLabel(o) | transloco: { n: o } }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>

        <p class="it-legend it-small" aria-hidden="true">
          <ins>{{ 'storyDiff.added' | transloco }}</ins> <del>{{ 'storyDiff.removed' | transloco }}</del>
        </p>
        @if (sections(); as list) {
          @for (s of list; track s.field) {
            <h3>{{ 'stories.fields.' + s.field | transloco }}</h3>
            @if (s.changed) {
              <p class="it-diff" [dir]="textDir()" [attr.lang]="textLang()" [attr.data-testid]="'diff-' + s.field">
                @for (p of s.parts; track $index) {
                  @if (p.kind === 'added') {
                    <ins
                      ><span class="it-visually-hidden">{{ 'storyDiff.addedMark' | transloco }}</span
                      >{{ p.text }}</ins
                    >
                  } @else if (p.kind === 'removed') {
                    <del
                      ><span class="it-visually-hidden">{{ 'storyDiff.removedMark' | transloco }}</span
                      >{{ p.text }}</del
                    >
                  } @else {
                    <span>{{ p.text }}</span>
                  }
                }
              </p>
            } @else {
              <p class="it-small">{{ 'storyDiff.same' | transloco }}</p>
            }
          }
        } @else {
          <p class="it-small">{{ 'common.loading' | transloco }}</p>
        }
      }
    </section>
  `,
  styleUrl: './editor-panel.scss',
  styles: `
    .it-revision-head {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .it-live {
      font: var(--mat-sys-label-small);
      padding-inline: 8px;
      padding-block: 2px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .it-pick {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      mat-form-field {
        flex: 1 1 200px;
      }
    }
    .it-diff {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      line-height: 1.8;
      padding-block: 8px;
      padding-inline: 12px;
      border-inline-start: 3px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
      text-align: start;
    }
    ins,
    del {
      padding-inline: 2px;
      border-radius: 3px;
      color: inherit;
      // Underline and strike stay clear of Arabic letters' dots.
      text-decoration-skip-ink: auto;
    }
    ins {
      background: color-mix(in srgb, #2e7d32 20%, transparent);
      text-decoration: underline 2px #2e7d32;
      text-underline-offset: 0.3em;
    }
    del {
      background: color-mix(in srgb, #c62828 16%, transparent);
      text-decoration: line-through 1px #b71c1c;
    }
    .it-legend {
      display: flex;
      gap: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StoryRevisions {
  private readonly api = inject(StoriesApi);

  readonly storyId = input.required<string>();
  /** The story's version: a new one (say, a publication) reloads the list. */
  readonly version = input.required<number>();
  /** The draft as the editor holds it now. */
  readonly draft = input.required<ComparedText>();

  protected readonly items = signal<StoryRevisionSummary[]>([]);
  protected readonly failed = signal(false);
  protected readonly from = signal<Side>('draft');
  protected readonly to = signal<Side>('draft');
  /** Revisions fetched so far, by `storyId/revision` (the editor may move to another story). */
  private readonly loaded = signal<ReadonlyMap<string, StoryRevisionDetail>>(new Map());
  private loadedFor: string | null = null;

  protected readonly options = computed<Side[]>(() => [...this.items().map((r) => r.revision), 'draft']);

  private readonly text = (side: Side): ComparedText | undefined => {
    if (side === 'draft') return this.draft();
    const r = this.loaded().get(`${this.storyId()}/${side}`);
    return r && { title: r.snapshot.title, body: r.snapshot.body, quotes: r.snapshot.quotes, language: r.snapshot.language };
  };

  protected readonly sections = computed(() => {
    const a = this.text(this.from());
    const b = this.text(this.to());
    return a && b ? diffStory(a, b) : null;
  });
  protected readonly textLang = computed(() => this.text(this.to())?.language ?? this.draft().language);
  protected readonly textDir = computed(() => (RTL_LANGUAGES.includes(this.textLang() as Language) ? 'rtl' : 'ltr'));

  constructor() {
    effect(() => {
      const id = this.storyId();
      this.version();
      void untracked(() => this.loadList(id));
    });
    // Fetch each revision the comparison needs, once.
    effect(() => {
      const id = this.storyId();
      for (const side of [this.from(), this.to()]) {
        if (side !== 'draft' && !untracked(this.loaded).has(`${id}/${side}`)) void this.loadOne(id, side);
      }
    });
  }

  protected sideLabel(side: Side): string {
    return side === 'draft' ? 'storyDiff.draft' : 'storyDiff.revision';
  }

  private async loadList(id: string): Promise<void> {
    try {
      const { items } = await firstValueFrom(this.api.revisions(id));
      this.failed.set(false);
      const before = this.items().length;
      this.items.set(items);
      // By default the newest published revision against the draft; a save keeps the reader's choice,
      // a new publication (or another story) starts again from the default.
      if (items.length !== before || this.loadedFor !== id) {
        this.loadedFor = id;
        this.from.set(items[items.length - 1]?.revision ?? 'draft');
        this.to.set('draft');
      }
    } catch {
      this.failed.set(true);
    }
  }

  private async loadOne(id: string, revision: number): Promise<void> {
    try {
      const detail = await firstValueFrom(this.api.revision(id, revision));
      this.loaded.update((m) => new Map(m).set(`${id}/${revision}`, detail));
    } catch {
      this.failed.set(true);
    }
  }
}
