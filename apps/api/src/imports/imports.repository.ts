import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { ImportEntity } from './import.entity';
import { ImportFileEntity } from './import-file.entity';

/** Imports and their uploaded files (held in the database until the import has run). */
@Injectable()
export class ImportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  imports(m?: EntityManager): Repository<ImportEntity> {
    return (m ?? this.dataSource.manager).getRepository(ImportEntity);
  }

  /** A new import, in the caller's transaction (its file's pieces follow). */
  create(m: EntityManager, values: Partial<ImportEntity>): Promise<ImportEntity> {
    return this.imports(m).save(this.imports(m).create(values));
  }

  /** Piece number `piece` (0, 1, …) of the import's file. */
  async addFilePiece(m: EntityManager, importId: string, piece: number, content: Buffer): Promise<void> {
    await m.getRepository(ImportFileEntity).insert({ importId, piece, content });
  }

  /** How many pieces the import's file has; null once it is gone. */
  async filePieces(importId: string): Promise<number | null> {
    const pieces = await this.dataSource.getRepository(ImportFileEntity).countBy({ importId });
    return pieces || null;
  }

  /** Piece number `piece` of the import's file; null once the file is gone. */
  async filePiece(importId: string, piece: number): Promise<Buffer | null> {
    const row = await this.dataSource.getRepository(ImportFileEntity).findOne({ where: { importId, piece }, select: { content: true } });
    return row ? row.content : null;
  }

  deleteFile(importId: string): Promise<unknown> {
    return this.dataSource.getRepository(ImportFileEntity).delete({ importId });
  }

  /** The import, locked for the caller's transaction when `m` is given. */
  find(id: string, m?: EntityManager): Promise<ImportEntity | null> {
    return this.imports(m).findOne({ where: { id }, ...(m ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** The caller's imports (admins: all), newest first. */
  page(user: AuthUser, page: number, pageSize: number): Promise<[ImportEntity[], number]> {
    return this.imports().findAndCount({
      where: user.role === 'admin' ? {} : { createdById: user.id },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }

  async update(id: string, values: Partial<ImportEntity>, m?: EntityManager): Promise<void> {
    await this.imports(m).update(id, values as never);
  }
}
