import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Health } from '@impact/contracts';
import { ROUTES } from '@impact/contracts';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { ApiOk } from '../openapi/responses';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller(ROUTES.health)
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOk('Health', 'The API and its database are up: `{ status: "ok", db: "up" }`')
  @ApiServiceUnavailableResponse({
    description: 'The database is unreachable: `{ status: "error", db: "down" }`',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } },
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
