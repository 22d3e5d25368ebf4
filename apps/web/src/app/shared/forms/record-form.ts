import { HttpErrorResponse } from '@angular/common/http';
import { Directive, OnInit, inject, signal } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { ApiError, FieldError } from '@impact/contracts';
import { Observable } from 'rxjs';
import type { DialogFormState } from './record-dialog';

export type Problem = 'conflict' | 'offline' | 'forbidden' | 'invalid' | 'notFound' | 'refused' | 'unexpected';

interface Versioned {
  id: string;
  version: number;
}

/** The API's 400 `details` as a field → message map (only the field-error shape counts). */
export function fieldErrors(error: unknown): FieldError[] {
  const details = error instanceof HttpErrorResponse ? (error.error as ApiError | null)?.details : undefined;
  return Array.isArray(details) ? details.filter((d): d is FieldError => !!d && typeof d.field === 'string') : [];
}

/** The server's own message of an error answer, when it sent one (shown for 422s). */
export function serverMessage(error: unknown): string | null {
  const body = error instanceof HttpErrorResponse ? (error.error as ApiError | null) : null;
  return body && typeof body.message === 'string' && body.message ? body.message : null;
}

/**
 * What every record form does alike: Save is disabled only while saving; an error keeps everything typed;
 * a 400 puts each message next to its field; a 409 says someone else changed the record and offers to
 * load their version (from the 409's `details.current`, or fetched) without closing the form.
 */
export abstract class RecordForm<T extends Versioned> {
  readonly saving = signal(false);
  readonly problem = signal<Problem | null>(null);
  readonly problemMessage = signal<string | null>(null);
  readonly reloading = signal(false);
  protected version = 0;
  private current: T | null = null;
  /** The request body as the record was read: a PATCH sends only what differs from it. */
  private baseline: Record<string, unknown> = {};

  protected abstract readonly form: FormGroup;
  /** Puts a record's values into the form. */
  protected abstract fill(record: T): void;
  /** Fetches the record again (after a 409 without `details.current`). */
  protected abstract fetch(): Observable<T> | null;

  /** Remembers the body of the record as read (call after `fill`). */
  protected markBaseline(body: object): void {
    this.baseline = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  }

  /** Only the fields of `body` that differ from the record as read, for a PATCH. */
  protected changes<B extends object>(body: B): Partial<B> {
    const out: Partial<B> = {};
    for (const [key, value] of Object.entries(body)) {
      if (JSON.stringify(value) !== JSON.stringify(this.baseline[key])) (out as Record<string, unknown>)[key] = value;
    }
    return out;
  }

  /** Called after a record was put into the form (first read or a reload after a 409). */
  protected afterFill(): void {
    // Forms that send only their changes override this to mark the baseline.
  }

  /** Validates, then sends what `request` builds; `done` gets the saved record. */
  protected submit(request: () => Observable<T>, done: (saved: T) => void): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.problem.set('invalid');
      this.problemMessage.set(null);
      return;
    }
    this.saving.set(true);
    this.problem.set(null);
    this.problemMessage.set(null);
    request().subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.version = saved.version;
        done(saved);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.problem.set(this.describe(error));
      },
    });
  }

  /** After a 409: load the other person's version into the form (only on request). */
  reload(): void {
    if (this.current) {
      this.adopt(this.current);
      return;
    }
    const fetch = this.fetch();
    if (!fetch) return;
    this.reloading.set(true);
    fetch.subscribe({
      next: (record) => {
        this.reloading.set(false);
        this.adopt(record);
      },
      error: () => {
        this.reloading.set(false);
        this.problem.set('unexpected');
      },
    });
  }

  private adopt(record: T): void {
    this.current = null;
    this.version = record.version;
    this.fill(record);
    this.afterFill();
    this.form.markAsPristine();
    this.problem.set(null);
  }

  /** A 409: someone else saved first; their version (when the answer carries it) is kept for `reload`. */
  protected conflict(error: HttpErrorResponse): Problem {
    const details = (error.error as ApiError | null)?.details as { current?: T } | undefined;
    this.current = details && typeof details === 'object' && 'current' in details ? (details.current ?? null) : null;
    return 'conflict';
  }

  private describe(error: unknown): Problem {
    if (!(error instanceof HttpErrorResponse)) return 'unexpected';
    switch (error.status) {
      case 0:
        return 'offline';
      case 403:
        return 'forbidden';
      case 404:
        return 'notFound';
      case 409:
        return this.conflict(error);
      case 400: {
        let placed = false;
        for (const { field, message } of fieldErrors(error)) {
          const control = this.form.get(field);
          if (control) {
            control.setErrors({ ...(control.errors ?? {}), server: message });
            control.markAsTouched();
            placed = true;
          }
        }
        if (!placed) this.problemMessage.set(serverMessage(error));
        return 'invalid';
      }
      case 422:
        this.problemMessage.set(serverMessage(error));
        return 'refused';
      default:
        return 'unexpected';
    }
  }
}

/** What a record form needs of its API (a `RecordsApi`). */
export interface RecordCalls<T, B> {
  get(id: string): Observable<T>;
  create(body: B): Observable<T>;
  update(id: string, body: Partial<B> & { version: number }): Observable<T>;
}

/** What a record form dialog opens with: the record to edit (none: a new one); a form may add starting values. */
export interface RecordDialogData<T> {
  record?: T;
}

/**
 * A record form in a dialog: with a record it edits it (a PATCH of what changed, with the version
 * read), without one it creates one; either way the dialog closes with the saved record.
 */
@Directive()
export abstract class RecordDialogForm<T extends Versioned, B extends object, D extends RecordDialogData<T> = RecordDialogData<T>>
  extends RecordForm<T>
  implements OnInit, DialogFormState
{
  private readonly dialogRef = inject<MatDialogRef<unknown, T>>(MatDialogRef);
  /** What the page opened the form with. */
  protected readonly data = inject<D>(MAT_DIALOG_DATA);
  /** The record being edited; none when creating one. */
  protected readonly record: T | undefined = this.data.record;
  protected abstract readonly api: RecordCalls<T, B>;
  /** The request body from the form's values. */
  protected abstract body(): B;

  get editing(): boolean {
    return !!this.record;
  }

  ngOnInit(): void {
    const record = this.record;
    if (!record) return;
    this.version = record.version;
    this.fill(record);
    this.afterFill();
  }

  protected override afterFill(): void {
    this.markBaseline(this.body());
  }

  protected override fetch(): Observable<T> | null {
    return this.record ? this.api.get(this.record.id) : null;
  }

  protected save(): void {
    this.submit(
      () => {
        const body = this.body();
        const record = this.record;
        return record ? this.api.update(record.id, { ...this.changes(body), version: this.version }) : this.api.create(body);
      },
      (saved) => this.dialogRef.close(saved),
    );
  }
}
