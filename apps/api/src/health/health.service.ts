import { Injectable } from '@nestjs/common';
import { HealthRepository } from './health.repository';

const TIMEOUT_MS = 3000;

@Injectable()
export class HealthService {
  constructor(private readonly db: HealthRepository) {}

  /** True when a `SELECT 1` answers within 3 s. A broken pooled connection is replaced by the pool. */
  async databaseUp(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), TIMEOUT_MS);
    });
    const probe = this.db
      .ping()
      .then(() => true)
      .catch(() => false);
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
