import { mkdirSync } from 'node:fs';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { CitiesModule } from '../cities/cities.module';
import { PartnersModule } from '../partners/partners.module';
import { ImportEntity } from './import.entity';
import { Importers } from './importers';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { UPLOAD_DIR } from './upload.interceptor';

@Module({
  imports: [TypeOrmModule.forFeature([ImportEntity]), AuthModule, CitiesModule, PartnersModule],
  controllers: [ImportsController],
  providers: [ImportsService, Importers],
})
export class ImportsModule {
  constructor() {
    mkdirSync(UPLOAD_DIR, { recursive: true });
  }
}
