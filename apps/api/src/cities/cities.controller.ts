import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CSV_EXPORT_SUFFIX, ROUTES, type CityListItem, type CityTimeline, type Page } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Can, CurrentUser } from '../auth/auth.decorators';
import { csvDownload, toCsv } from '../common/csv';
import { CITY_CSV_COLUMNS } from './city.columns';
import { CitiesService } from './cities.service';
import { CityListQueryDto, CreateCityDto, UpdateCityDto } from './dto/city.dto';
import { ApiCreated, ApiCsv, ApiNoContent, ApiOk, ApiOkPage } from '../openapi/responses';

@ApiTags('cities')
@Controller(ROUTES.cities)
export class CitiesController {
  constructor(private readonly cities: CitiesService) {}

  @Can('cities', 'read')
  @Get()
  @ApiOkPage('CityListItem')
  list(@CurrentUser() user: AuthUser, @Query() query: CityListQueryDto): Promise<Page<CityListItem>> {
    return this.cities.list(user, query);
  }

  /** The whole filtered list as CSV (declared before `:id`). */
  @Can('cities', 'read')
  @Get(CSV_EXPORT_SUFFIX)
  @ApiCsv()
  async export(
    @CurrentUser() user: AuthUser,
    @Query() query: CityListQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const rows = await this.cities.export(user, query);
    csvDownload(res, 'cities');
    return toCsv(CITY_CSV_COLUMNS, rows);
  }

  @Can('cities', 'read')
  @Get(':id')
  @ApiOk('CityListItem')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<CityListItem> {
    return this.cities.get(user, id);
  }

  @Can('cities', 'read')
  @Get(':id/timeline')
  @ApiOk('CityTimeline')
  timeline(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<CityTimeline> {
    return this.cities.timeline(user, id);
  }

  @Can('cities', 'create')
  @Post()
  @ApiCreated('CityListItem')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCityDto): Promise<CityListItem> {
    return this.cities.create(user, body);
  }

  @Can('cities', 'update')
  @Patch(':id')
  @ApiOk('CityListItem')
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCityDto): Promise<CityListItem> {
    return this.cities.update(user, id, body);
  }

  @Can('cities', 'archive')
  @Delete(':id')
  @ApiNoContent()
  async archive(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.cities.archive(user, id);
  }
}
