import { Body, Controller, Get, HttpException, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { ApiGoneResponse, ApiNotFoundResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ROUTES, type PasswordLink } from '@impact/contracts';
import { Public } from '../auth/auth.decorators';
import { ApiNoContent, ApiOk } from '../openapi/responses';
import { PasswordResetDto, SetPasswordDto } from './dto';
import { PasswordLinkLimiter } from './password-link-limiter';
import { PasswordLinksService } from './password-links.service';

/** Without sign-in: ask for a reset link, open a set-password link, set the password with it. */
@ApiTags('auth')
@Controller()
export class AccountsController {
  constructor(
    private readonly links: PasswordLinksService,
    private readonly limiter: PasswordLinkLimiter,
  ) {}

  private tooMany(res: Response, wait: number): never {
    res.setHeader('Retry-After', String(wait));
    throw new HttpException('Too many requests from this address. Try again later.', HttpStatus.TOO_MANY_REQUESTS);
  }

  /**
   * The same 204 whether an account has this e-mail or not. Past the per-address limit: 429; past the
   * per-e-mail limit: the same 204, but no more mail.
   */
  @Public()
  @Post(ROUTES.auth.passwordReset)
  @ApiNoContent('The same answer for every address: if an active account has it, a reset link valid for 1 hour is mailed to it')
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this address; see Retry-After' })
  async requestReset(@Body() body: PasswordResetDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const wait = await this.limiter.resetFrom(req.ip ?? 'unknown');
    if (wait !== null) this.tooMany(res, wait);
    if (await this.limiter.resetMailAllowed(body.email)) await this.links.queueReset(body.email);
  }

  @Public()
  @Get(`${ROUTES.auth.passwordLinks}/:token`)
  @ApiOk('PasswordLink', 'Whose link it is and until when it works')
  @ApiNotFoundResponse({ description: 'No such link' })
  @ApiGoneResponse({ description: 'The link was used or replaced, has expired, or its account is deactivated' })
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this address; see Retry-After' })
  async open(@Param('token') token: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<PasswordLink> {
    const wait = await this.limiter.linkFrom(req.ip ?? 'unknown');
    if (wait !== null) this.tooMany(res, wait);
    return this.links.open(token);
  }

  @Public()
  @Post(ROUTES.auth.password)
  @ApiNoContent('The password is set; every session of the user has ended: sign in with the new password')
  @ApiNotFoundResponse({ description: 'No such link' })
  @ApiGoneResponse({ description: 'The link was used or replaced, has expired, or its account is deactivated' })
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this address; see Retry-After' })
  async setPassword(@Body() body: SetPasswordDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const wait = await this.limiter.linkFrom(req.ip ?? 'unknown');
    if (wait !== null) this.tooMany(res, wait);
    await this.links.setPassword(body.token, body.password);
  }
}
