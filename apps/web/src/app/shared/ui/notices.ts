import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoService } from '@jsverse/transloco';

/** Short news after an action ("… was saved"), in the user's language, in a snack-bar with "Close". */
@Injectable({ providedIn: 'root' })
export class Notices {
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  say(key: string, params?: Record<string, unknown>, durationMs = 5000): void {
    this.snackBar.open(this.transloco.translate(key, params), this.transloco.translate('common.close'), { duration: durationMs });
  }
}
