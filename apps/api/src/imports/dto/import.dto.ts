import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IMPORT_ENTITIES, type ImportEntity } from '@impact/contracts';
import { QueryBoolean } from '../../common/dto';

/** `POST /api/imports?entity=…&dryRun=…`: what the file holds, and whether to write it. */
export class StartImportQueryDto {
  @ApiProperty({ enum: IMPORT_ENTITIES }) @IsIn(IMPORT_ENTITIES) entity!: ImportEntity;

  @ApiProperty({ type: Boolean, description: 'true: validate and report only, write nothing' }) @QueryBoolean() dryRun!: boolean;
}

/** `GET /api/imports/templates/:entity.csv`. */
export class TemplateParamsDto {
  @ApiProperty({ enum: IMPORT_ENTITIES }) @IsIn(IMPORT_ENTITIES) entity!: ImportEntity;
}
