import { Global, Module } from '@nestjs/common';
import { JobsService } from './jobs.service';

/** Global: any domain may send or work jobs. */
@Global()
@Module({ providers: [JobsService], exports: [JobsService] })
export class JobsModule {}
