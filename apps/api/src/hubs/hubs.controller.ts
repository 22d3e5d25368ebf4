import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ROUTES, type Hub } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Can, CurrentUser } from '../auth/auth.decorators';
import { CreateHubDto, UpdateHubDto } from './dto/hub.dto';
import { HubsService } from './hubs.service';
import { ApiCreated, ApiNoContent, ApiOk, ApiOkArray } from '../openapi/responses';

@ApiTags('hubs')
@Controller(ROUTES.hubs)
export class HubsController {
  constructor(private readonly hubs: HubsService) {}

  /** A plain array: there are a handful of hubs. */
  @Can('hubs', 'read')
  @Get()
  @ApiOkArray('Hub')
  list(): Promise<Hub[]> {
    return this.hubs.list();
  }

  @Can('hubs', 'create')
  @Post()
  @ApiCreated('Hub')
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateHubDto): Promise<Hub> {
    return this.hubs.create(actor, body);
  }

  @Can('hubs', 'update')
  @Patch(':id')
  @ApiOk('Hub')
  update(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateHubDto): Promise<Hub> {
    return this.hubs.update(actor, id, body);
  }

  @Can('hubs', 'archive')
  @Delete(':id')
  @ApiNoContent()
  async archive(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.hubs.archive(actor, id);
  }
}
