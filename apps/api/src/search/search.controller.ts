import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ROUTES, SEARCH_LIMIT, type SearchResults } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, SignedIn } from '../auth/auth.decorators';
import { ApiOk } from '../openapi/responses';
import { SearchQueryDto } from './search.dto';
import { SearchRepository } from './search.repository';

/** One search box: each kind scoped exactly like its list (a kind the role may not list comes back empty). */
@ApiTags('search')
@Controller(ROUTES.search)
export class SearchController {
  constructor(private readonly search: SearchRepository) {}

  @SignedIn()
  @Get()
  @ApiOk('SearchResults', 'Matches grouped by kind, best first, with the total of each kind')
  find(@CurrentUser() user: AuthUser, @Query() query: SearchQueryDto): Promise<SearchResults> {
    return this.search.search(user, query.q, query.limit ?? SEARCH_LIMIT.default).then((groups) => ({ groups }));
  }
}
