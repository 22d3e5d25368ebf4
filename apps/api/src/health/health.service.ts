import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const TIMEOUT_MS = 3000;

@Injectable()
export class HealthService {
  constructor(private readonly dataSource: DataSource) {}

  /** True when a `SELECT 1` answers within 3 s. A broken pooled connection is replaced by the pool. */
  async databaseUp(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), TIMEOUT_MS);
    });
    const probe = this.dataSource
      .query('SELECT 1')
      .then(() => true)
      .catch(() => false);
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
