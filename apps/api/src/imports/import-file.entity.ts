import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ImportEntity } from './import.entity';

/**
 * A piece of an uploaded file, held in the database from the upload until its import has run: the job
 * may run on any instance of the API (several share one database), not only the one that took the
 * upload. The file is its pieces in `piece` order (one row each: appending to one value grew with the file).
 */
@Entity('import_files')
export class ImportFileEntity {
  @PrimaryColumn('uuid')
  importId!: string;

  @PrimaryColumn('integer')
  piece!: number;

  @ManyToOne(() => ImportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  import?: ImportEntity;

  @Column({ type: 'bytea' })
  content!: Buffer;
}
