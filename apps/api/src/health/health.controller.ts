import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Health } from '@impact/contracts';
import { ROUTES } from '@impact/contracts';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller(ROUTES.health)
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOkResponse({
    description: 'The API and its database are up.',
    schema: { example: { status: 'ok', db: 'up' } },
  })
  @ApiServiceUnavailableResponse({
    description: 'The database is unreachable.',
    schema: { example: { status: 'error', db: 'down' } },
  })
  async check(@Res({ passthrough: true }) res: Response): Promise<Health> {
    const up = await this.health.databaseUp();
    res.setHeader('Cache-Control', 'no-store');
    if (!up) {
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'error', db: 'down' };
    }
    return { status: 'ok', db: 'up' };
  }
}
