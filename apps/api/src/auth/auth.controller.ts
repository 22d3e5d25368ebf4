import { Body, Controller, Get, HttpCode, HttpException, HttpStatus, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { LoginResponse, TokenPair, UserSummary } from '@impact/contracts';
import { ROUTES } from '@impact/contracts';
import type { AuthUser, SessionUser } from './auth-user';
import { CurrentUser, Public, SignedIn } from './auth.decorators';
import { AuthService } from './auth.service';
import { LoginDto, LogoutDto, RefreshDto, UpdateMeDto } from './dto/auth.dto';
import { ApiNoContent, ApiOk } from '../openapi/responses';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post(ROUTES.auth.login)
  @HttpCode(200)
  @ApiUnauthorizedResponse({ description: 'The same answer for an unknown e-mail and a wrong password' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts; see Retry-After' })
  @ApiOk('LoginResponse', 'An access token (15 minutes), a refresh token and the user')
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    const result = await this.auth.login(body.email, body.password, req.ip ?? 'unknown');
    if ('retryAfter' in result) {
      res.setHeader('Retry-After', String(result.retryAfter));
      throw new HttpException('Too many failed sign-in attempts. Try again later.', HttpStatus.TOO_MANY_REQUESTS);
    }
    return result;
  }

  @Public()
  @Post(ROUTES.auth.refresh)
  @HttpCode(200)
  @ApiOk('TokenPair', 'A new token pair; the presented refresh token is spent')
  refresh(@Body() body: RefreshDto): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken);
  }

  @SignedIn()
  @Post(ROUTES.auth.logout)
  @ApiNoContent()
  async logout(@CurrentUser() user: SessionUser, @Body() body: LogoutDto): Promise<void> {
    await this.auth.logout(user, body.refreshToken);
  }

  @SignedIn()
  @Get(ROUTES.auth.me)
  @ApiOk('UserSummary')
  me(@CurrentUser() user: AuthUser): UserSummary {
    return toSummary(user);
  }

  /** The signed-in user's own preferences (its preferred language). */
  @SignedIn()
  @Patch(ROUTES.auth.me)
  @ApiOk('UserSummary')
  async updateMe(@CurrentUser() user: AuthUser, @Body() body: UpdateMeDto): Promise<UserSummary> {
    return toSummary(await this.auth.updatePreferences(user, body.language));
  }
}

function toSummary(user: AuthUser): UserSummary {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    hubIds: user.hubIds,
    cityIds: user.cityIds,
    language: user.language,
  };
}
