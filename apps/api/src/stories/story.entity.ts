import type { Language, Quote, StoryCategory, StoryFigureWordings, StoryStatus } from '@impact/contracts';
import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import { CityEntity } from '../cities/city.entity';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { linkTable } from '../database/record.entity';
import { EngagementEntity } from '../engagements/engagement.entity';
import { HubRecordEntity } from '../hubs/hub-record.entity';
import { OutcomeEntity } from '../outcomes/outcome.entity';
import { UserEntity } from '../users/user.entity';

/** The sensitivity checklist a story must pass before review, stored as `sensitivity_*` columns. */
export class SensitivityColumns {
  @Column({ type: 'boolean', default: false })
  consentForNamedPeople!: boolean;

  @Column({ type: 'boolean', default: false })
  noDetailsExposingIndividuals!: boolean;

  @Column({ type: 'boolean', default: false })
  cityAgreedToPublication!: boolean;

  @Column({ type: 'uuid', nullable: true })
  confirmedById!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;
}

@Entity('stories')
@Index('IDX_stories_title_trgm', { synchronize: false })
@Index('IDX_stories_body_trgm', { synchronize: false })
export class StoryEntity extends HubRecordEntity {
  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Index()
  @Column({ type: 'varchar', length: 32 })
  category!: StoryCategory;

  @Column({ type: 'text', default: '' })
  body!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  quotes!: Quote[];

  /** Each cited figure worded in the story's language, by outcome id (the number stays the record's). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  figureWording!: StoryFigureWordings;

  @Index()
  @Column({ type: 'varchar', length: 2, default: 'en' })
  language!: Language;

  /** The story this one translates; null for an original. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  translationOfId!: string | null;

  @ManyToOne(() => StoryEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'translation_of_id' })
  translationOf?: StoryEntity | null;

  @Column(() => SensitivityColumns, { prefix: 'sensitivity' })
  sensitivity!: SensitivityColumns;

  @Index()
  @Column({ type: 'varchar', length: 32, default: 'draft' })
  status!: StoryStatus;

  @Index()
  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  approvedById!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'approved_by_id' })
  approvedBy?: UserEntity | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** Set (by a database trigger on outcomes) when a figure the current published revision cites changes; cleared by publishing. */
  @Column({ type: 'timestamptz', nullable: true })
  figuresChangedAt!: Date | null;

  @ManyToMany(() => CityEntity)
  @JoinTable(linkTable('story_cities', 'story_id', 'city_id'))
  cities?: CityEntity[];

  @ManyToMany(() => EngagementEntity)
  @JoinTable(linkTable('story_engagements', 'story_id', 'engagement_id'))
  engagements?: EngagementEntity[];

  @ManyToMany(() => CommitmentEntity)
  @JoinTable(linkTable('story_commitments', 'story_id', 'commitment_id'))
  commitments?: CommitmentEntity[];

  @ManyToMany(() => OutcomeEntity)
  @JoinTable(linkTable('story_outcomes', 'story_id', 'outcome_id'))
  outcomes?: OutcomeEntity[];
}
