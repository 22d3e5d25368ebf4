import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ROUTES, type Hub } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Can, CurrentUser } from '../auth/auth.decorators';
import { CreateHubDto, UpdateHubDto } from './dto/hub.dto';
import { HubsService } from './hubs.service';

@ApiTags('hubs')
@Controller(ROUTES.hubs)
export class HubsController {
  constructor(private readonly hubs: HubsService) {}

  /** A plain array: there are a handful of hubs. */
  @Can('hubs', 'read')
  @Get()
  list(): Promise<Hub[]> {
    return this.hubs.list();
  }

  @Can('hubs', 'create')
  @Post()
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateHubDto): Promise<Hub> {
    return this.hubs.create(actor, body);
  }

  @Can('hubs', 'update')
  @Patch(':id')
  update(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateHubDto): Promise<Hub> {
    return this.hubs.update(actor, id, body);
  }

  @Can('hubs', 'archive')
  @Delete(':id')
  @HttpCode(204)
  async archive(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.hubs.archive(actor, id);
  }
}
