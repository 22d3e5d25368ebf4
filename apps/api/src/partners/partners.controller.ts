import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CSV_EXPORT_SUFFIX, ROUTES, type Page, type Partner } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Can, CurrentUser } from '../auth/auth.decorators';
import { csvDownload, toCsv, type CsvColumn } from '../common/csv';
import { CreatePartnerDto, PartnerListQueryDto, UpdatePartnerDto } from './dto/partner.dto';
import { PartnersService } from './partners.service';

const CSV: CsvColumn<Partner>[] = [
  { header: 'id', value: (p) => p.id },
  { header: 'name', value: (p) => p.name },
  { header: 'kind', value: (p) => p.kind },
  { header: 'countryCode', value: (p) => p.countryCode },
];

@ApiTags('partners')
@Controller(ROUTES.partners)
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Can('partners', 'read')
  @Get()
  list(@Query() query: PartnerListQueryDto): Promise<Page<Partner>> {
    return this.partners.list(query);
  }

  @Can('partners', 'read')
  @Get(CSV_EXPORT_SUFFIX)
  @ApiProduces('text/csv')
  async export(@Query() query: PartnerListQueryDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    const rows = await this.partners.export(query);
    csvDownload(res, 'partners');
    return toCsv(CSV, rows);
  }

  @Can('partners', 'read')
  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<Partner> {
    return this.partners.get(id);
  }

  @Can('partners', 'create')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreatePartnerDto): Promise<Partner> {
    return this.partners.create(user, body);
  }

  @Can('partners', 'update')
  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdatePartnerDto): Promise<Partner> {
    return this.partners.update(user, id, body);
  }

  @Can('partners', 'archive')
  @Delete(':id')
  @HttpCode(204)
  async archive(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.partners.archive(user, id);
  }
}
