import type { Outcome, OutcomeListItem } from '@impact/contracts';
import type { OutcomeEntity } from './outcome.entity';

/** The contract shape of a loaded outcome (with its city, that city's hub, its commitment and verifier). */
export function toOutcomeListItem(o: OutcomeEntity): OutcomeListItem {
  return {
    id: o.id,
    commitmentId: o.commitmentId,
    cityId: o.cityId,
    date: o.date,
    type: o.type,
    value: o.value,
    unit: o.unit,
    description: o.description,
    evidenceUrl: o.evidenceUrl,
    verifiedById: o.verifiedById,
    verifiedAt: o.verifiedAt ? o.verifiedAt.toISOString() : null,
    version: o.version,
    cityName: o.city?.name ?? '',
    hubId: o.city?.hubId ?? '',
    commitmentTitle: o.commitment?.title ?? null,
    verifiedByName: o.verifiedBy?.name ?? null,
  };
}

/** The record without read-model extras: what the audit log compares. */
export function outcomeRecord(o: OutcomeListItem): Outcome {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { cityName, hubId, commitmentTitle, verifiedByName, ...outcome } = o;
  return outcome;
}
