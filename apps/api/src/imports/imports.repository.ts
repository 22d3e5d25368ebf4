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

  /** A new import and its (still empty) file, in the caller's transaction. */
  async create(m: EntityManager, values: Partial<ImportEntity>): Promise<ImportEntity> {
    const saved = await this.imports(m).save(this.imports(m).create(values));
    await m.getRepository(ImportFileEntity).insert({ importId: saved.id, content: Buffer.alloc(0) });
    return saved;
  }

  /** Appends a piece to the import's file (raw SQL: QueryBuilder cannot append to a bytea in place). */
  async appendToFile(m: EntityManager, importId: string, piece: Buffer): Promise<void> {
    await m.query(`UPDATE import_files SET content = content || $2 WHERE import_id = $1`, [importId, piece]);
  }

  /** The size of the import's file in bytes; null once it is gone. */
  async fileSize(importId: string): Promise<number | null> {
    const row = await this.dataSource
      .getRepository(ImportFileEntity)
      .createQueryBuilder('f')
      .select('octet_length(f.content)', 'size')
      .where('f.import_id = :importId', { importId })
      .getRawOne<{ size: string | number }>();
    return row ? Number(row.size) : null;
  }

  /** `length` bytes of the import's file from byte `from` (1-based); null once the file is gone. */
  async filePiece(importId: string, from: number, length: number): Promise<Buffer | null> {
    const row = await this.dataSource
      .getRepository(ImportFileEntity)
      .createQueryBuilder('f')
      .select('substring(f.content FROM :from FOR :length)', 'piece')
      .where('f.import_id = :importId', { importId, from, length })
      .getRawOne<{ piece: Buffer }>();
    return row ? row.piece : null;
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
