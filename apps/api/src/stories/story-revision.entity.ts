import type { Language, StoryCategory } from '@impact/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StoryEntity } from './story.entity';
import type { StorySnapshot } from './story-snapshot';

/**
 * One published revision of a story, frozen when leadership publishes it: exactly what was approved,
 * figures included. Rows are never updated except `current`, which moves to the newest revision; every
 * public view reads the current revision only, never the live story or its linked records.
 */
@Entity('story_revisions')
@Index('IDX_story_revisions_story_revision', ['storyId', 'revision'], { unique: true })
@Index('IDX_story_revisions_outcomes', { synchronize: false })
@Index('IDX_story_revisions_current', ['storyId'], { unique: true, where: '"current"' })
export class StoryRevisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_story_revisions' })
  id!: string;

  @Column({ type: 'uuid' })
  storyId!: string;

  @ManyToOne(() => StoryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'story_id', foreignKeyConstraintName: 'FK_story_revisions_story' })
  story?: StoryEntity;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'boolean', default: true })
  current!: boolean;

  /** The original of the story's language family (the story itself for an original): versions find each other by it. */
  @Index('IDX_story_revisions_root')
  @Column({ type: 'uuid' })
  rootId!: string;

  // The filterable fields of the snapshot, as columns, so the public list filters and pages in SQL.
  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 32 })
  category!: StoryCategory;

  @Column({ type: 'varchar', length: 2 })
  language!: Language;

  @Column({ type: 'uuid' })
  hubId!: string;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  cityIds!: string[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  outcomeIds!: string[];

  @Column({ type: 'jsonb' })
  snapshot!: StorySnapshot;

  /** When this revision went live; the first revision's is the story's publication date. */
  @Index('IDX_story_revisions_published_at')
  @Column({ type: 'timestamptz' })
  publishedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  publishedById!: string | null;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
