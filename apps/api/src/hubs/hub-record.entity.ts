import { RecordEntity, RefColumn, RefTo } from '../database/record.entity';
import { HubEntity } from './hub.entity';

/**
 * A record that sits in a hub (city, engagement, commitment, story): the hub's id is on the row, so
 * hub filters and scope checks need no join, and a hub with records cannot be deleted.
 */
export abstract class HubRecordEntity extends RecordEntity {
  @RefColumn()
  hubId!: string;

  @RefTo(() => HubEntity, 'hub_id', 'RESTRICT')
  hub?: HubEntity;
}
