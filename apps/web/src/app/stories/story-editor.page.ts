import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  HistoryEntry,
  LANGUAGES,
  Language,
  MAX_LENGTH,
  RTL_LANGUAGES,
  STORY_CATEGORIES,
  SensitivityAnswers,
  StoryDetail,
  StoryExportFormat,
  StoryStatus,
  UpdateStoryRequest,
  figuresInOtherLanguage,
  storyPlace,
} from '@impact/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { LanguageService } from '../core/i18n/language.service';
import { ConfirmDialog, ConfirmDialogData } from '../shared/ui/confirm-dialog';
import { EmptyState } from '../shared/ui/empty-state';
import { Notices } from '../shared/ui/notices';
import { StoriesApi } from './data-access/stories.api';
import { StoryChecklist } from './editor/story-checklist';
import { Draft, EMPTY_DRAFT, fromStory } from './editor/story-draft';
import { StoryFigures } from './editor/story-figures';
import { StoryHistory } from './editor/story-history';
import { StoryLinks } from './editor/story-links';
import { StoryQuotes } from './editor/story-quotes';
import { StoryRevisions } from './editor/story-revisions';
import { StoryVersions } from './editor/story-versions';
import { StoryWorkflow } from './editor/story-workflow';
import { submitBlockers } from './story-gating';
import { StoryLinkPicker } from './story-link-picker';
import { StoryStatusChip } from './story-status-chip';

/** `staleRead`: leadership's publish was refused because the story changed after it was opened. */
type Problem = 'conflict' | 'staleRead' | 'forbidden' | 'workflow' | 'invalid' | 'failed' | null;

/**
 * One story on the desk: write it (Markdown with live preview, quotes, links, language versions),
 * confirm the sensitivity checklist, send it to review; reviewers send it back with a reason or,
 * for leadership, publish it. Nothing typed is lost on an error or a 409.
 */
@Component({
  selector: 'it-story-editor-page',
  imports: [
    EmptyState,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTabsModule,
    RouterLink,
    StoryChecklist,
    StoryFigures,
    StoryHistory,
    StoryLinkPicker,
    StoryLinks,
    StoryQuotes,
    StoryRevisions,
    StoryStatusChip,
    StoryVersions,
    StoryWorkflow,
    TranslocoPipe,
  ],
  templateUrl: './story-editor.page.html',
  styleUrl: './story-editor.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StoryEditorPage {
  private readonly api = inject(StoriesApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly ui = inject(LanguageService);
  private readonly dialog = inject(MatDialog);
  private readonly notices = inject(Notices);
  private readonly transloco = inject(TranslocoService);

  /** Route parameter (`/story-desk/:id`); absent on `/story-desk/new`. */
  readonly id = input<string | undefined>(undefined);

  protected readonly categories = STORY_CATEGORIES;
  protected readonly languages = LANGUAGES;
  protected readonly titleMax = MAX_LENGTH.story.title;
  protected readonly bodyMax = MAX_LENGTH.story.body;

  protected readonly story = signal<StoryDetail | null>(null);
  protected readonly draft = signal<Draft>({ ...EMPTY_DRAFT });
  protected readonly dirty = signal(false);
  protected readonly loading = signal(true);
  protected readonly loadFailed = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem>(null);
  protected readonly problemText = signal('');
  protected readonly history = signal<HistoryEntry[]>([]);
  protected readonly previewHtml = signal('');
  private translationOf: string | null = null;
  /** The version the server holds after a 409, so "keep mine" can overwrite it knowingly. */
  private conflictVersion: number | null = null;

  protected readonly status = computed<StoryStatus>(() => this.story()?.status ?? 'draft');
  protected readonly dir = computed(() => (RTL_LANGUAGES.includes(this.draft().language) ? 'rtl' : 'ltr'));
  /** The story's hub and cities, as the permission table checks them. */
  protected readonly place = computed(() => {
    const s = this.story();
    return s ? storyPlace(s) : undefined;
  });
  protected readonly mayEdit = computed(() => {
    const s = this.story();
    // A published story stays editable: saving starts its next revision, the published one stays live.
    if (s?.status === 'archived') return false;
    return this.auth.can('stories', s ? 'update' : 'create', this.place());
  });
  protected readonly mayTransition = computed(() => !!this.story() && this.auth.can('stories', 'transition', this.place()));
  /** The figures the draft cites, as their records have them (a link added but not saved yet shows after saving). */
  protected readonly citedFigures = computed(() => {
    const cited = new Set(this.draft().outcomes.map((o) => o.id));
    return (this.story()?.outcomes ?? []).filter((f) => cited.has(f.id));
  });
  protected readonly blockers = computed(() =>
    submitBlockers({
      status: this.status(),
      sensitivity: this.draft().sensitivity,
      dirty: this.dirty() || !this.story(),
      body: this.draft().body,
      mayTransition: this.mayTransition(),
      foreignFigures: figuresInOtherLanguage(this.citedFigures(), this.draft().figureWording, this.draft().language).length,
    }),
  );
  /** The draft as the revisions panel compares it (unsaved changes included). */
  protected readonly compared = computed(() => {
    const d = this.draft();
    return { title: d.title, body: d.body, quotes: d.quotes, language: d.language };
  });
  protected readonly missingLanguages = computed(() => {
    const s = this.story();
    if (!s) return [];
    const taken = new Set([s.language, ...s.translations.map((t) => t.language)]);
    return LANGUAGES.filter((l) => !taken.has(l));
  });

  constructor() {
    effect(() => {
      void this.load(this.id());
    });
    // Live preview, rendered by markdown-it with raw HTML off (loaded only here, not in the app's first bundle).
    effect(() => {
      const body = this.draft().body;
      void import('markdown-it').then(({ default: MarkdownIt }) => {
        const md = new MarkdownIt({ html: false, linkify: true });
        this.previewHtml.set(md.render(body));
      });
    });
  }

  private async load(id: string | undefined): Promise<void> {
    this.loading.set(true);
    this.loadFailed.set(false);
    this.problem.set(null);
    try {
      if (id) {
        const story = await firstValueFrom(this.api.get(id));
        this.adopt(story);
        this.history.set(await firstValueFrom(this.api.history(id)));
      } else {
        const params = this.route.snapshot.queryParamMap;
        const commitmentId = params.get('commitmentId');
        const language = (params.get('language') as Language | null) ?? this.ui.language();
        if (commitmentId) {
          const story = await firstValueFrom(this.api.draftFromCommitment(commitmentId, language));
          await this.router.navigate(['/story-desk', story.id], { replaceUrl: true });
          return;
        }
        const original = params.get('translationOf');
        this.story.set(null);
        this.history.set([]);
        if (original) {
          const source = await firstValueFrom(this.api.get(original));
          this.translationOf = source.translationOf ?? source.id;
          this.draft.set({ ...fromStory(source), language, sensitivity: { ...EMPTY_DRAFT.sensitivity } });
        } else {
          this.translationOf = null;
          this.draft.set({ ...EMPTY_DRAFT, language: this.ui.language() });
        }
        this.dirty.set(true);
      }
    } catch {
      this.loadFailed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  private adopt(story: StoryDetail): void {
    this.story.set(story);
    this.draft.set(fromStory(story));
    this.dirty.set(false);
    this.conflictVersion = null;
  }

  protected patch<K extends keyof Draft>(key: K, value: Draft[K]): void {
    this.draft.update((d) => ({ ...d, [key]: value }));
    this.dirty.set(true);
  }

  protected answer(question: keyof SensitivityAnswers, value: boolean): void {
    this.patch('sensitivity', { ...this.draft().sensitivity, [question]: value });
  }

  protected async save(keepMine = false): Promise<void> {
    const d = this.draft();
    if (!d.title.trim()) {
      this.fail('invalid');
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    const links = {
      cityIds: d.cities.map((c) => c.id),
      engagementIds: d.engagements.map((e) => e.id),
      commitmentIds: d.commitments.map((c) => c.id),
      outcomeIds: d.outcomes.map((o) => o.id),
    };
    const quotes = d.quotes.filter((q) => q.text.trim() && q.attribution.trim());
    try {
      const current = this.story();
      if (!current) {
        const created = await firstValueFrom(
          this.api.create({
            title: d.title,
            category: d.category,
            language: d.language,
            body: d.body,
            quotes,
            translationOf: this.translationOf,
            ...links,
          }),
        );
        if (this.sensitivityTouched(d)) {
          this.adopt(await firstValueFrom(this.api.update(created.id, { version: created.version, sensitivity: d.sensitivity })));
        }
        await this.router.navigate(['/story-desk', created.id], { replaceUrl: true });
        return;
      }
      const version = keepMine && this.conflictVersion ? this.conflictVersion : current.version;
      const body: UpdateStoryRequest = {
        version,
        title: d.title,
        category: d.category,
        language: d.language,
        body: d.body,
        quotes,
        sensitivity: d.sensitivity,
        figureWording: d.figureWording,
        ...links,
      };
      this.adopt(await firstValueFrom(this.api.update(current.id, body)));
      this.history.set(await firstValueFrom(this.api.history(current.id)));
    } catch (error) {
      this.handle(error);
    } finally {
      this.busy.set(false);
    }
  }

  private sensitivityTouched(d: Draft): boolean {
    return Object.values(d.sensitivity).some((v) => v);
  }

  /** A step of the workflow; a send-back carries the reviewer's reason. Publishing asks first, then says where the story is live. */
  protected async move(to: StoryStatus, note?: string): Promise<void> {
    const s = this.story();
    if (!s) return;
    if (to === 'published' && !(await this.confirmPublish(s.title))) return;
    this.busy.set(true);
    this.problem.set(null);
    try {
      const moved = await firstValueFrom(this.api.transition(s.id, { to, note: to === 'draft' ? note : undefined, version: s.version }));
      this.adopt(moved);
      if (moved.status === 'published') {
        this.notices.sayWithAction('publish.done', { name: moved.title }, 'publish.view', () =>
          window.open(`/stories/${encodeURIComponent(moved.id)}`, '_blank', 'noopener'),
        );
      }
      this.history.set(await firstValueFrom(this.api.history(s.id)));
    } catch (error) {
      if (to === 'published' && error instanceof HttpErrorResponse && error.status === 409) {
        await this.showChanged(s.id);
        return;
      }
      this.handle(error);
    } finally {
      this.busy.set(false);
    }
  }

  /** Publishing puts the story in front of the world: ask, naming it. */
  private async confirmPublish(title: string): Promise<boolean> {
    const t = (key: string) => this.transloco.translate(key, { name: title });
    const data: ConfirmDialogData = {
      title: t('publish.title'),
      message: t('publish.message'),
      confirm: t('publish.confirm'),
      cancel: t('common.cancel'),
      tone: 'primary',
    };
    return (
      (await firstValueFrom(this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data }).afterClosed())) === true
    );
  }

  /**
   * The story changed after the publisher opened it (an edit in review sends it back to draft): nothing
   * was published. Show the story as it is now, so it is read again, and say why.
   */
  private async showChanged(id: string): Promise<void> {
    try {
      this.adopt(await firstValueFrom(this.api.get(id)));
      this.history.set(await firstValueFrom(this.api.history(id)));
      this.fail('staleRead');
    } catch (error) {
      this.handle(error);
    }
  }

  protected async download(format: StoryExportFormat): Promise<void> {
    const s = this.story();
    if (!s) return;
    try {
      const blob = await firstValueFrom(this.api.export(s.id, format));
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `story-${s.id.slice(0, 8)}.${format}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      this.handle(error);
    }
  }

  protected addVersion(language: Language): void {
    const s = this.story();
    if (s) void this.router.navigate(['/story-desk/new'], { queryParams: { translationOf: s.id, language } });
  }

  protected async reloadTheirs(): Promise<void> {
    const s = this.story();
    if (s) await this.load(s.id);
  }

  private handle(error: unknown): void {
    if (error instanceof HttpErrorResponse) {
      const message = typeof error.error?.message === 'string' ? error.error.message : '';
      if (error.status === 409) {
        this.conflictVersion = (error.error?.details?.current?.version as number | undefined) ?? null;
        this.fail(this.conflictVersion ? 'conflict' : 'invalid', message);
        return;
      }
      if (error.status === 403) return this.fail('forbidden', message);
      if (error.status === 422) return this.fail('workflow', message);
      if (error.status === 400) {
        const details = Array.isArray(error.error?.details) ? (error.error.details as { field: string; message: string }[]) : [];
        return this.fail('invalid', details.map((d) => `${d.field}: ${d.message}`).join(' ') || message);
      }
    }
    this.fail('failed');
  }

  private fail(problem: Problem, text = ''): void {
    this.problem.set(problem);
    this.problemText.set(text);
  }
}
