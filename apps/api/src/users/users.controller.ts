import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ROUTES, type InviteSent, type OpenWork, type Page, type Person, type User } from '@impact/contracts';
import { InviteUserDto } from '../accounts/dto';
import type { AuthUser } from '../auth/auth-user';
import { Can, CurrentUser, SignedIn } from '../auth/auth.decorators';
import { CreateUserDto, DeactivateUserDto, ListUsersDto, LookupUsersDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';
import { ApiCreated, ApiNoContent, ApiOk, ApiOkArray, ApiOkPage } from '../openapi/responses';

@ApiTags('users')
@Controller(ROUTES.users)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Can('users', 'read')
  @Get()
  @ApiOkPage('User')
  list(@Query() query: ListUsersDto): Promise<Page<User>> {
    return this.users.list(query);
  }

  /** Active people to pick as an owner, among those the caller works with: names and roles only. */
  @SignedIn()
  @Get('lookup')
  @ApiOkArray('Person')
  lookup(@CurrentUser() user: AuthUser, @Query() query: LookupUsersDto): Promise<Person[]> {
    return this.users.lookup(user, query.q);
  }

  @Can('users', 'read')
  @Get(':id')
  @ApiOk('User')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<User> {
    return this.users.get(id);
  }

  @Can('users', 'create')
  @Post()
  @ApiCreated('User')
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateUserDto): Promise<User> {
    return this.users.create(actor, body);
  }

  @Can('users', 'update')
  @Patch(':id')
  @ApiOk('User')
  update(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto): Promise<User> {
    return this.users.update(actor, id, body);
  }

  @Can('users', 'update')
  @Post(':id/invite')
  @ApiCreated('InviteSent', 'A set-password link valid for 72 hours is mailed to the user (through the outbox)')
  invite(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: InviteUserDto): Promise<InviteSent> {
    return this.users.invite(actor, id, body.language);
  }

  @Can('users', 'archive')
  @Delete(':id')
  @ApiNoContent()
  async deactivate(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.users.deactivate(actor, id);
  }

  /** What the user still owns that is open, and who may take it over (offered before deactivating). */
  @Can('users', 'read')
  @Get(':id/open-work')
  @ApiOk('OpenWork')
  openWork(@Param('id', ParseUUIDPipe) id: string): Promise<OpenWork> {
    return this.users.openWork(id);
  }

  /**
   * Deactivates, and with `reassignToId` hands the user's open follow-ups and commitments to that
   * person in the same transaction (refused whole, 400, when they may not own one of them).
   */
  @Can('users', 'archive')
  @Post(':id/deactivate')
  @HttpCode(204)
  @ApiNoContent()
  async deactivateAndReassign(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DeactivateUserDto,
  ): Promise<void> {
    await this.users.deactivate(actor, id, body.reassignToId ?? null);
  }
}
