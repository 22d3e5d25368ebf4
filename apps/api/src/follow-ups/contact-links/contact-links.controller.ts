import { Body, Controller, Delete, Get, HttpCode, HttpException, HttpStatus, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiGoneResponse, ApiNotFoundResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  ROUTES,
  type CityContact,
  type ContactLink,
  type ContactLinkAnswerResult,
  type ContactLinkCreated,
  type PublicFollowUpLink,
} from '@impact/contracts';
import type { AuthUser } from '../../auth/auth-user';
import { Can, CurrentUser, Public } from '../../auth/auth.decorators';
import { ApiCreated, ApiNoContent, ApiOk, ApiOkArray } from '../../openapi/responses';
import { ContactLinkLimiter } from './contact-link-limiter';
import { ContactLinksService } from './contact-links.service';
import { ContactLinkAnswerDto, CreateContactLinkDto } from './dto';

/** Staff side: whoever may edit the follow-up sends, lists and revokes its links. */
@ApiTags('follow-ups')
@Controller(`${ROUTES.followUps}/:id/contact-links`)
export class ContactLinksController {
  constructor(private readonly links: ContactLinksService) {}

  @Can('followUps', 'update')
  @Post()
  @ApiCreated('ContactLinkCreated', 'The link is mailed to the contact (through the outbox)')
  create(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateContactLinkDto,
  ): Promise<ContactLinkCreated> {
    return this.links.create(user, id, body);
  }

  @Can('followUps', 'update')
  @Get()
  @ApiOkArray('ContactLink', "The follow-up's links, newest first, with their state")
  list(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ContactLink[]> {
    return this.links.list(user, id);
  }

  @Can('followUps', 'update')
  @Get('contacts')
  @ApiOkArray('CityContact', "People of the follow-up's city already asked by link, newest first, one per address")
  contacts(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<CityContact[]> {
    return this.links.contacts(user, id);
  }

  @Can('followUps', 'update')
  @Delete(':linkId')
  @ApiNoContent('Revoked: the link no longer opens')
  async revoke(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('linkId', ParseUUIDPipe) linkId: string,
  ): Promise<void> {
    await this.links.revoke(user, id, linkId);
  }
}

/** The contact's side, without sign-in: every request spends the caller's address allowance first. */
@ApiTags('public')
@Controller(ROUTES.publicFollowUpLinks)
export class PublicContactLinksController {
  constructor(
    private readonly links: ContactLinksService,
    private readonly limiter: ContactLinkLimiter,
  ) {}

  private async limit(req: Request, res: Response): Promise<void> {
    const wait = await this.limiter.spend(req.ip ?? 'unknown');
    if (wait === null) return;
    res.setHeader('Retry-After', String(wait));
    throw new HttpException('Too many requests from this address. Try again later.', HttpStatus.TOO_MANY_REQUESTS);
  }

  @Public()
  @Get(':token')
  @ApiOk('PublicFollowUpLink', 'What the contact needs to answer, and nothing more')
  @ApiNotFoundResponse({ description: 'No such link' })
  @ApiGoneResponse({ description: 'The link was revoked or has expired, or its follow-up is closed' })
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this address; see Retry-After' })
  async open(@Param('token') token: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<PublicFollowUpLink> {
    await this.limit(req, res);
    return this.links.open(token);
  }

  @Public()
  @Post(':token')
  @HttpCode(200)
  @ApiOk('ContactLinkAnswerResult', 'What was recorded')
  @ApiNotFoundResponse({ description: 'No such link' })
  @ApiGoneResponse({ description: 'The link was revoked or has expired, or its follow-up is closed' })
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this address; see Retry-After' })
  async answer(
    @Param('token') token: string,
    @Body() body: ContactLinkAnswerDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ContactLinkAnswerResult> {
    await this.limit(req, res);
    return this.links.answer(token, body);
  }
}
