import { Module } from '@nestjs/common';
import { CitiesModule } from '../cities/cities.module';
import { CommitmentsModule } from '../commitments/commitments.module';
import { EngagementsModule } from '../engagements/engagements.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { PartnersModule } from '../partners/partners.module';
import { StoriesModule } from '../stories/stories.module';
import { SearchController } from './search.controller';
import { SearchRepository } from './search.repository';

@Module({
  imports: [CitiesModule, EngagementsModule, CommitmentsModule, FollowUpsModule, OutcomesModule, StoriesModule, PartnersModule],
  controllers: [SearchController],
  providers: [SearchRepository],
})
export class SearchModule {}
