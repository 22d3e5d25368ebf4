import { ComponentRef, DestroyRef, PendingTasks, Signal, Type, ViewContainerRef, effect, inject, signal, untracked } from '@angular/core';

/**
 * Renders a lazily loaded component into `host` once the browser is idle after the page's first paint,
 * and keeps its inputs in step with `inputs()`: the part of a page below its first screen, whose code
 * then downloads and runs after the first screen has painted. This is what `@defer (on idle)` does,
 * without the defer runtime, which would grow the initial JavaScript past its budget. The loading
 * counts as pending work, so `whenStable()` (tests) waits for it. Call it in an injection context.
 * Returns whether the component is there (a page shows a placeholder of its size until then).
 */
export function renderWhenIdle<T>(
  host: Signal<ViewContainerRef | undefined>,
  load: () => Promise<Type<T>>,
  inputs: () => Record<string, unknown>,
): Signal<boolean> {
  const type = signal<Type<T> | null>(null);
  const rendered = signal(false);
  const done = inject(PendingTasks).add();
  let destroyed = false;
  /** The component, and the container it was created in (a new container, e.g. after an `@if` re-rendered, gets a new one). */
  let component: ComponentRef<T> | null = null;
  let createdIn: ViewContainerRef | null = null;
  inject(DestroyRef).onDestroy(() => {
    destroyed = true;
    done();
  });
  const whenIdle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run));
  whenIdle(() => {
    load()
      .then((loaded) => destroyed || type.set(loaded))
      .catch((error: unknown) => console.error(error))
      .finally(done);
  });
  effect(() => {
    const container = host();
    const loaded = type();
    if (!container || !loaded) return;
    const values = inputs();
    untracked(() => {
      if (createdIn !== container) {
        component = container.createComponent(loaded);
        createdIn = container;
        rendered.set(true);
      }
      for (const [name, value] of Object.entries(values)) component?.setInput(name, value);
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
  const done = inject(PendingTasks).add();
  const nextFrame = globalThis.requestAnimationFrame ?? ((run: () => void) => setTimeout(run));
  nextFrame(() =>
    setTimeout(() => {
      painted.set(true);
      done();
    }),
  );
  return painted.asReadonly();
}
