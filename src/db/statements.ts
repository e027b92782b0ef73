/** What partner statements (issue 21) read: the partners' records through their indexes. */
import type { DateRange } from '../domain/dates';
import { partnerStatements, type PartnerStatementDoc } from '../domain/partner-statement';
import type { PawtnersDb } from './db';
import { readStatementData } from './payouts';
import { readSettings } from './repo';
import { shipmentsOfPartner } from './seeding';

/**
 * The statements of `partnerIds` for `range`, in that order: their orders, posts, payments and
 * gift shipments only (each read through the partner's index), in the brand's name and currency.
 */
export async function readPartnerStatements(
  db: PawtnersDb,
  partnerIds: readonly string[],
  range: DateRange,
): Promise<PartnerStatementDoc[]> {
  const [settings, data, shipments] = await Promise.all([
    readSettings(db),
    readStatementData(db, partnerIds),
    Promise.all(partnerIds.map((id) => shipmentsOfPartner(db, id))).then((x) => x.flat()),
  ]);
  return partnerStatements(
    partnerIds,
    data,
    shipments,
    range,
    { timeZone: settings.timeZone, countDiscountAsCost: settings.countDiscountAsCost },
    { brandName: settings.brandName, currency: settings.currency },
  );
}
