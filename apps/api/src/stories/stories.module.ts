import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StoryEntity } from './story.entity';

/** Routes and services arrive with their feature issues; the repositories are ready. */
@Module({
  imports: [TypeOrmModule.forFeature([StoryEntity])],
  exports: [TypeOrmModule],
})
export class StoriesModule {}
