import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { Ref } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { StoryLinkPicker } from '../story-link-picker';

/** The records a story is linked to, besides its cities. */
export const LINKED_KINDS = ['engagements', 'commitments', 'outcomes'] as const;
export type LinkedKind = (typeof LINKED_KINDS)[number];

/** The story's links to engagements, commitments and outcomes: chips to remove, a search to add. */
@Component({
  selector: 'it-story-links',
  imports: [StoryLinkPicker, TranslocoPipe],
  template: `
    <section class="it-section">
      <h2>{{ 'stories.editor.links' | transloco }}</h2>
      @for (kind of kinds; track kind) {
        <h3>{{ 'stories.fields.' + kind | transloco }}</h3>
        <it-story-link-picker
          [kind]="kind"
          [label]="'stories.fields.' + kind | transloco"
          [value]="links()[kind]"
          [disabled]="disabled()"
          (changed)="changed.emit({ kind, refs: $event })"
        />
      }
    </section>
  `,
  styleUrl: './editor-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StoryLinks {
  readonly links = input.required<Record<LinkedKind, Ref[]>>();
  readonly disabled = input(false);
  readonly changed = output<{ kind: LinkedKind; refs: Ref[] }>();
  protected readonly kinds = LINKED_KINDS;
}
