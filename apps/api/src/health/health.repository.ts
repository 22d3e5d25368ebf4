import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** The health check's one query. */
@Injectable()
export class HealthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Resolves when the database answers; raw SQL because a probe reads no table. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
