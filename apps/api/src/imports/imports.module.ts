import { mkdirSync } from 'node:fs';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { CitiesModule } from '../cities/cities.module';
import { CommitmentsModule } from '../commitments/commitments.module';
import { EngagementsModule } from '../engagements/engagements.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { PartnersModule } from '../partners/partners.module';
import { ImportEntity } from './import.entity';
import { CityPartnerImporters } from './city-partner-importers';
import { FollowUpImporters } from './follow-up-importers';
import { Importers } from './importers';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';
import { UPLOAD_DIR } from './upload.interceptor';

@Module({
  imports: [
    TypeOrmModule.forFeature([ImportEntity]),
    AuthModule,
    CitiesModule,
    PartnersModule,
    EngagementsModule,
    CommitmentsModule,
    FollowUpsModule,
    OutcomesModule,
  ],
  controllers: [ImportsController],
  providers: [ImportsService, ImportsRepository, Importers, CityPartnerImporters, FollowUpImporters],
})
export class ImportsModule {
  constructor() {
    mkdirSync(UPLOAD_DIR, { recursive: true });
  }
}
