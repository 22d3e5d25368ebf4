import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ROUTES, type ImportRecord, type ImportUndoResult, type Page } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, SignedIn } from '../auth/auth.decorators';
import { ValidationFailedError } from '../common/errors';
import { PageQueryDto } from '../common/list';
import { ApiCsv, ApiOk, ApiOkPage } from '../openapi/responses';
import { StartImportQueryDto, TemplateParamsDto } from './dto/import.dto';
import { ImportsService } from './imports.service';
import { ImportUploadInterceptor } from './upload.interceptor';

/** A file name as sent: busboy reads it as latin1, so UTF-8 names (Arabic …) are decoded back; controls removed. */
function fileNameOf(name: string): string {
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  return (utf8.includes('\uFFFD') ? name : utf8).replace(/\p{Cc}/gu, '').slice(0, 255) || 'upload';
}

/**
 * Imports: every signed-in user may ask; whether the role may write the entity at all is checked when
 * the file is queued (403), and every row against the record's scope when it runs.
 */
@ApiTags('imports')
@Controller(ROUTES.imports)
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @SignedIn()
  @Post()
  @HttpCode(202)
  @UseInterceptors(ImportUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'CSV (UTF-8, comma or semicolon) or .xlsx (first sheet)' } },
    },
  })
  @ApiAcceptedResponse({
    description: 'Queued: follow it with GET /api/imports/{id}',
    schema: { $ref: '#/components/schemas/ImportRecord' },
  })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than 50 MB' })
  start(
    @CurrentUser() user: AuthUser,
    @Query() query: StartImportQueryDto,
    @UploadedFile() file: { path: string; originalname: string; size: number } | undefined,
  ): Promise<ImportRecord> {
    this.imports.requireMayImport(user, query.entity);
    if (!file)
      throw new ValidationFailedError([
        { field: 'file', message: 'file is required: send the spreadsheet as the multipart/form-data field "file"' },
      ]);
    return this.imports.start(user, query.entity, query.dryRun, fileNameOf(file.originalname), file.path);
  }

  @SignedIn()
  @Get()
  @ApiOkPage('ImportRecord', "The caller's imports, newest first (admins: everyone's)")
  list(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<ImportRecord>> {
    return this.imports.list(user, query);
  }

  /** The header and one example row (declared before `:id`). */
  @SignedIn()
  @Get('templates/:entity.csv')
  @ApiCsv('The header and one example row')
  template(@Param() params: TemplateParamsDto, @Res({ passthrough: true }) res: Response): string {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${params.entity}-template.csv"`);
    return this.imports.template(params.entity);
  }

  @SignedIn()
  @Get(':id')
  @ApiOk('ImportRecord')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ImportRecord> {
    return this.imports.get(user, id);
  }

  @SignedIn()
  @Post(':id/undo')
  @HttpCode(200)
  @ApiOk('ImportUndoResult')
  undo(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ImportUndoResult> {
    return this.imports.undo(user, id);
  }
}
