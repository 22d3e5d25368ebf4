import { CallHandler, ExecutionContext, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { IMPORT_MAX_BYTES } from '@impact/contracts';
import { diskStorage } from 'multer';
import { randomUUID } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catchError, throwError, type Observable } from 'rxjs';
import { DomainError } from '../common/errors';

/** 413: the upload is larger than an import takes. */
export class FileTooLargeError extends DomainError {
  readonly status = 413;
  readonly code = 'file_too_large';
}

/** Uploads wait on disk (never in memory) until their import job has read them. */
export const UPLOAD_DIR = join(tmpdir(), 'impact-imports');

const Upload = FileInterceptor('file', {
  storage: diskStorage({ destination: UPLOAD_DIR, filename: (_req, _file, done) => done(null, randomUUID()) }),
  limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 0, parts: 1 },
});

/**
 * The multipart field `file`, saved to disk: over the limit is a 413 naming it, and the saved file is
 * removed when the request fails after the upload (a bad query, a refused role).
 */
@Injectable()
export class ImportUploadInterceptor extends Upload {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    let handled: Observable<unknown>;
    try {
      handled = await super.intercept(context, next);
    } catch (e) {
      if (e instanceof PayloadTooLargeException) {
        throw new FileTooLargeError(`The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB, the most an import takes.`);
      }
      throw e;
    }
    const file = context.switchToHttp().getRequest<{ file?: { path?: string } }>().file;
    return handled.pipe(
      catchError((e: unknown) => {
        if (file?.path) void unlink(file.path).catch(() => undefined);
        return throwError(() => e);
      }),
    );
  }
}
