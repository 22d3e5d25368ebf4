import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ROUTES, type Page, type Person, type User } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Can, CurrentUser, SignedIn } from '../auth/auth.decorators';
import { CreateUserDto, ListUsersDto, LookupUsersDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller(ROUTES.users)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Can('users', 'read')
  @Get()
  list(@Query() query: ListUsersDto): Promise<Page<User>> {
    return this.users.list(query);
  }

  /** Active people to pick as an owner, among those the caller works with: names and roles only. */
  @SignedIn()
  @Get('lookup')
  lookup(@CurrentUser() user: AuthUser, @Query() query: LookupUsersDto): Promise<Person[]> {
    return this.users.lookup(user, query.q);
  }

  @Can('users', 'read')
  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<User> {
    return this.users.get(id);
  }

  @Can('users', 'create')
  @Post()
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateUserDto): Promise<User> {
    return this.users.create(actor, body);
  }

  @Can('users', 'update')
  @Patch(':id')
  update(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto): Promise<User> {
    return this.users.update(actor, id, body);
  }

  @Can('users', 'archive')
  @Delete(':id')
  @HttpCode(204)
  async deactivate(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.users.deactivate(actor, id);
  }
}
