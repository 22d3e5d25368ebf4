import type { Outcome, OutcomeListItem } from '@impact/contracts';

/** An outcome's read model as one row: its columns, its city's name and hub, its commitment's title, its verifier's name. */
export interface OutcomeReadRow extends Omit<OutcomeListItem, 'verifiedAt'> {
  /** The driver hands timestamps over as dates; the contract speaks ISO text. */
  verifiedAt: Date | null;
}

/** The contract shape of an outcome's read row (with its city, that city's hub, its commitment and verifier). */
export function toOutcomeListItem(o: OutcomeReadRow): OutcomeListItem {
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
    cityName: o.cityName,
    hubId: o.hubId,
    commitmentTitle: o.commitmentTitle,
    verifiedByName: o.verifiedByName,
  };
}

/** The record without read-model extras: what the audit log compares. */
export function outcomeRecord(o: OutcomeListItem): Outcome {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { cityName, hubId, commitmentTitle, verifiedByName, ...outcome } = o;
  return outcome;
}
