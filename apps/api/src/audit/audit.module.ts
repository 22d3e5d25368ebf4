import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** Global: every domain module records its writes. */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
