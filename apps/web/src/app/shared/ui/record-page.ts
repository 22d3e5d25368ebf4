import { ComponentType } from '@angular/cdk/portal';
import { ResourceRef, Signal, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatDialogConfig } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { HistoryEntry, Page, RecordPlace } from '@impact/contracts';
import { Observable } from 'rxjs';
import { RecordDialogs } from '../forms/dialogs';
import { Notices } from './notices';
import { routeRecord } from './record-states';

/** A record the API versions: what a form edits, what the history follows. */
interface Versioned {
  id: string;
  version: number;
}

/**
 * What a page about one record does the same way for every kind of record: it loads the record its route
 * names (`record`, for `it-record-states`), knows where the record sits (`place`, for the permission
 * checks), opens forms about it, and archives it. Create it in a component's field initialiser (it needs
 * the injection context).
 */
export class RecordPage<T, P = RecordPlace> {
  private readonly dialogs = inject(RecordDialogs);
  private readonly notices = inject(Notices);
  private readonly router = inject(Router);

  /** The record as it loads: reload it, or set what a form saved. */
  readonly record: ReturnType<typeof routeRecord<T>>;
  /** The record once it is there (null while it loads or when it failed). */
  readonly current: Signal<T | null>;
  /** Where the record sits, once it is there. */
  readonly place: Signal<P | undefined>;

  constructor(id: () => string, load: (id: string) => Observable<T>, placeOf?: (record: T) => P) {
    this.record = routeRecord(id, load);
    this.current = this.record.current;
    this.place = computed(() => {
      const r = this.current();
      return r && placeOf ? placeOf(r) : undefined;
    });
  }

  /** A dialog about the record, once it is there: `data` is made from the record, `saved` gets the result. */
  open<C, D, R>(component: ComponentType<C>, data: (record: T) => D, saved: (result: R) => void, config?: MatDialogConfig<D>): void {
    const r = this.current();
    if (r) this.dialogs.open(component, data(r), saved, config);
  }

  /** A record form about the record (the user is told what was saved); `saved` gets what was saved. */
  openForm<C, D, R extends { title?: string; name?: string }>(
    component: ComponentType<C>,
    data: (record: T) => D,
    saved: (result: R) => void,
  ): void {
    const r = this.current();
    if (r) this.dialogs.openRecordForm(component, data(r), saved);
  }

  /** The record's own edit form (`{ record }`): what was saved takes its place on the page. */
  edit<C>(component: ComponentType<C>): void {
    this.openForm(
      component,
      (record) => ({ record }),
      (saved: T & { title?: string; name?: string }) => this.record.set(saved),
    );
  }

  /**
   * Asks about the record by its `name`, archives it (`call`), tells the user and goes back to `list`;
   * on failure, says so and stays.
   */
  archive(call: (record: T) => Observable<void>, name: (record: T) => string, list: string): void {
    const r = this.current();
    if (!r) return;
    const keys = { title: 'form.archive.title', message: 'form.archive.message', confirm: 'form.archive.confirm' };
    this.dialogs.confirm(keys, name(r), () =>
      call(r).subscribe({
        next: () => {
          this.notices.say('form.archive.done', { name: name(r) });
          void this.router.navigate([list]);
        },
        error: () => this.notices.say('errors.unexpected'),
      }),
    );
  }
}

/** A record's history, loaded again whenever the record is saved (a new version), so the latest change is there. */
export function versionHistory(
  record: () => Versioned | null | undefined,
  load: (id: string) => Observable<HistoryEntry[]>,
): ResourceRef<HistoryEntry[] | undefined> {
  return rxResource({
    params: () => {
      const r = record();
      return r ? { id: r.id, version: r.version } : undefined;
    },
    stream: ({ params }) => load(params.id),
  });
}

/**
 * Records listed beside a record (a commitment's follow-ups, its outcomes): loaded for `params`, read again
 * when a form about one of them is saved (`openForm`). Create it in a component's field initialiser.
 */
export function relatedRecords<P, T>(params: () => P, load: (params: P) => Observable<Page<T>>) {
  const dialogs = inject(RecordDialogs);
  const resource = rxResource({ params, stream: ({ params }) => load(params) });
  const items = computed(() => (resource.hasValue() ? resource.value().items : []));
  const openForm = <C, D>(component: ComponentType<C>, data: D) => dialogs.openRecordForm(component, data, () => resource.reload());
  return Object.assign(resource, { items, openForm });
}
