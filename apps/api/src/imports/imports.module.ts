import { mkdirSync } from 'node:fs';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { CitiesModule } from '../cities/cities.module';
import { CommitmentsModule } from '../commitments/commitments.module';
import { EngagementsModule } from '../engagements/engagements.module';
import { PartnersModule } from '../partners/partners.module';
import { ImportEntity } from './import.entity';
import { Importers } from './importers';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { UPLOAD_DIR } from './upload.interceptor';

@Module({
  imports: [TypeOrmModule.forFeature([ImportEntity]), AuthModule, CitiesModule, PartnersModule, EngagementsModule, CommitmentsModule],
  controllers: [ImportsController],
  providers: [ImportsService, Importers],
})
export class ImportsModule {
  constructor() {
    mkdirSync(UPLOAD_DIR, { recursive: true });
  }
}
