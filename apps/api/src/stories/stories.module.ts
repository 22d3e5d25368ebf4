import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitmentsModule } from '../commitments/commitments.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PublicStoriesService } from './public-stories.service';
import { PublicStoriesController, StoriesController } from './stories.controller';
import { StoriesRepository } from './stories.repository';
import { StoriesService } from './stories.service';
import { StoryDraftingService } from './story-drafting.service';
import { StoryExportService } from './story-export.service';
import { StoryNotifier } from './story-notifications';
import { StorySourcesRepository } from './story-sources.repository';
import { StoryWorkflowService } from './story-workflow.service';
import { StoryEntity } from './story.entity';
import { StoryRevisionEntity } from './story-revision.entity';
import { StoryRevisionsRepository } from './story-revisions.repository';
import { StoryRevisionsService } from './story-revisions.service';

@Module({
  imports: [TypeOrmModule.forFeature([StoryEntity, StoryRevisionEntity]), CommitmentsModule, NotificationsModule],
  controllers: [StoriesController, PublicStoriesController],
  providers: [
    StoriesRepository,
    StorySourcesRepository,
    StoryRevisionsRepository,
    StoriesService,
    StoryWorkflowService,
    StoryDraftingService,
    PublicStoriesService,
    StoryExportService,
    StoryNotifier,
    StoryRevisionsService,
  ],
  exports: [TypeOrmModule, StoriesRepository, StoriesService],
})
export class StoriesModule {}
