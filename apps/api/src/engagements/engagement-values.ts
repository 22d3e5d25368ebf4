import type { CreateEngagementDto } from './dto/engagement.dto';
import type { EngagementEntity } from './engagement.entity';
import type { EngagementValues } from './engagements.repository';

/** The host city counts among the participating cities. */
export const withHost = (cityIds: readonly string[], hostCityId: string | null | undefined): string[] =>
  hostCityId && !cityIds.includes(hostCityId) ? [...cityIds, hostCityId] : [...cityIds];

/** What a new engagement stores for a create request: text trimmed, left-out fields at their defaults. */
export function newEngagementValues(
  dto: CreateEngagementDto,
): EngagementValues & Pick<EngagementEntity, 'title' | 'type' | 'hubId' | 'startDate'> {
  const p = dto.participants;
  return {
    title: dto.title.trim(),
    type: dto.type,
    hubId: dto.hubId,
    startDate: dto.startDate,
    endDate: dto.endDate ?? null,
    locationCityId: dto.locationCityId ?? null,
    online: dto.online ?? false,
    hostCityId: dto.hostCityId ?? null,
    summary: dto.summary?.trim() ?? '',
    evidenceLinks: dto.evidenceLinks ?? [],
    participants: {
      total: p?.total ?? 0,
      mayors: p?.mayors ?? 0,
      officials: p?.officials ?? 0,
      youth: p?.youth ?? 0,
      women: p?.women ?? 0,
      communityLeaders: p?.communityLeaders ?? 0,
    },
  };
}
