import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CSV_EXPORT_SUFFIX, ROUTES, type Page, type Partner } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Can, CurrentUser } from '../auth/auth.decorators';
import { csvDownload, toCsv } from '../common/csv';
import { PARTNER_CSV_COLUMNS } from './partner.columns';
import { CreatePartnerDto, PartnerListQueryDto, UpdatePartnerDto } from './dto/partner.dto';
import { PartnersService } from './partners.service';
import { ApiCreated, ApiCsv, ApiNoContent, ApiOk, ApiOkPage } from '../openapi/responses';

@ApiTags('partners')
@Controller(ROUTES.partners)
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Can('partners', 'read')
  @Get()
  @ApiOkPage('Partner')
  list(@Query() query: PartnerListQueryDto): Promise<Page<Partner>> {
    return this.partners.list(query);
  }

  @Can('partners', 'read')
  @Get(CSV_EXPORT_SUFFIX)
  @ApiCsv()
  async export(@Query() query: PartnerListQueryDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    const rows = await this.partners.export(query);
    csvDownload(res, 'partners');
    return toCsv(PARTNER_CSV_COLUMNS, rows);
  }

  @Can('partners', 'read')
  @Get(':id')
  @ApiOk('Partner')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<Partner> {
    return this.partners.get(id);
  }

  @Can('partners', 'create')
  @Post()
  @ApiCreated('Partner')
  create(@CurrentUser() user: AuthUser, @Body() body: CreatePartnerDto): Promise<Partner> {
    return this.partners.create(user, body);
  }

  @Can('partners', 'update')
  @Patch(':id')
  @ApiOk('Partner')
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdatePartnerDto): Promise<Partner> {
    return this.partners.update(user, id, body);
  }

  @Can('partners', 'archive')
  @Delete(':id')
  @ApiNoContent()
  async archive(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.partners.archive(user, id);
  }
}
