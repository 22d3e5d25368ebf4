import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ROUTES, type AuditEntry, type Page } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Can, CurrentUser } from '../auth/auth.decorators';
import { AuditQueryService } from './audit-query.service';
import { AuditQueryDto } from './audit.dto';
import { ApiOkPage } from '../openapi/responses';

@ApiTags('audit')
@Controller(ROUTES.audit)
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  /** Newest first. */
  @Can('audit', 'read')
  @Get()
  @ApiOkPage('AuditEntry')
  list(@CurrentUser() user: AuthUser, @Query() query: AuditQueryDto): Promise<Page<AuditEntry>> {
    return this.audit.list(user, query);
  }
}
