import {
  ComponentRef,
  DestroyRef,
  PendingTasks,
  Signal,
  TemplateRef,
  Type,
  ViewContainerRef,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';

/**
 * Calls `run` once the browser is idle, or after at most a second (a page that animates, a chart's
 * layout, may leave no idle time; the first paint is long past by then), or soon where it cannot say.
 */
const whenIdle = (run: () => void): void => {
  const idle = globalThis.requestIdleCallback as typeof requestIdleCallback | undefined;
  if (idle) idle(() => run(), { timeout: 1000 });
  else setTimeout(run);
};

/** Calls `run` in a task after the next frame has painted. */
const afterNextPaint = (run: () => void): void => {
  (globalThis.requestAnimationFrame ?? setTimeout)(() => setTimeout(run));
};

/**
 * The core of the helpers below: runs `work` when `wait` calls back, unless the caller was destroyed
 * first, and counts the wait and the work as pending work, so `whenStable()` (tests) waits for them.
 * `work` is told whether the caller is still there (its promise may settle after a destroy).
 */
function pendingUntil(wait: (run: () => void) => void, work: (live: () => boolean) => unknown): void {
  const done = inject(PendingTasks).add();
  let destroyed = false;
  inject(DestroyRef).onDestroy(() => {
    destroyed = true;
    done();
  });
  wait(() => {
    if (destroyed) return;
    Promise.resolve()
      .then(() => work(() => !destroyed))
      .catch((error: unknown) => console.error(error))
      .finally(done);
  });
}

/**
 * Renders a lazily loaded component into `host` once the browser is idle after the page's first paint,
 * and keeps its inputs in step with `inputs()`: the part of a page below its first screen, whose code
 * then downloads and runs after the first screen has painted. This is what `@defer (on idle)` does,
 * without the defer runtime, which would grow the initial JavaScript past its budget. `placeholder`, if
 * given, is rendered in `host` until then (a look-alike of the part's size). Call it in an injection
 * context. Returns whether the component is there.
 */
export function renderWhenIdle<T>(
  host: Signal<ViewContainerRef | undefined>,
  load: () => Promise<Type<T>>,
  inputs: () => Record<string, unknown>,
  placeholder?: TemplateRef<unknown>,
): Signal<boolean> {
  const type = signal<Type<T> | null>(null);
  const rendered = signal(false);
  pendingUntil(whenIdle, (live) => load().then((loaded) => live() && type.set(loaded)));
  /** The container last rendered into (a new container, e.g. after an `@if` re-rendered, gets its own view). */
  let renderedIn: ViewContainerRef | null = null;
  let component: ComponentRef<T> | null = null;
  effect(() => {
    const container = host();
    const loaded = type();
    if (!container) return;
    const values = inputs();
    untracked(() => {
      if (loaded && (renderedIn !== container || !component)) {
        if (placeholder) container.clear();
        component = container.createComponent(loaded);
        renderedIn = container;
        rendered.set(true);
      } else if (!loaded && placeholder && renderedIn !== container) {
        container.createEmbeddedView(placeholder);
        renderedIn = container;
      }
      if (loaded) for (const [name, value] of Object.entries(values)) component?.setInput(name, value);
    });
  });
  return rendered.asReadonly();
}

/**
 * False until the browser has painted the frame this was called in (the next animation frame, then a
 * task after it), then true: a part of a page shown one frame after the rest, so the rest's first paint
 * does not wait for its rendering. Counts as pending work, like `renderWhenIdle`. Call it in an injection context.
 */
export function afterFirstPaint(): Signal<boolean> {
  const painted = signal(false);
  pendingUntil(afterNextPaint, () => painted.set(true));
  return painted.asReadonly();
}
