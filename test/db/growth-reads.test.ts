/**
 * The "Customers & growth" view reads orders by range (the period, the hyperlocal partners'
 * "before" periods) and only the customer keys of older orders; its figures must equal those of
 * the whole history, as the view computed them before (every order, every published post,
 * partnerEarnings over the raw records).
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allBrandFollowers } from '../../src/db/brand';
import { contentBetween } from '../../src/db/content';
import { PawtnersDb } from '../../src/db/db';
import { ordersBetween } from '../../src/db/orders';
import { allBonuses, allBonusRules, allContracts, allPartners } from '../../src/db/partners';
import { replaceAllData } from '../../src/db/repo';
import { allPartnerStats, customersBefore } from '../../src/db/stats';
import {
  acquisitions,
  byRegion,
  cohorts,
  customerValue,
  hyperlocalUplift,
  inPartnerCity,
  roiTwoWays,
} from '../../src/domain/customers';
import {
  addDays,
  dateInZone,
  endOfMonth,
  monthsInRange,
  startOfMonth,
} from '../../src/domain/dates';
import { partnerEarnings } from '../../src/domain/earnings';
import { generateSampleData, type DataSet } from '../../src/domain/sample-data';
import { PARTNER_KINDS } from '../../src/domain/schemas';
import { growthFigures, LTV_WINDOW_DAYS, readPlan } from '../../src/features/growth/useGrowthData';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 15, 15);
const DAY = 86_400_000;

let db: PawtnersDb;
let name = '';
let n = 0;

beforeEach(() => {
  name = `test-growth-${n++}`;
  db = new PawtnersDb(name);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

/** The figures over the whole history, as the view computed them before (every record). */
function fromEverything(data: DataSet, now: number) {
  const today = dateInZone(now, TZ);
  const range = { start: addDays(today, -364), end: today };
  const kindOf = new Map(data.partners.map((p) => [p.id, p.kind]));
  const acq = acquisitions(data.orders, TZ);
  const published = data.contentItems.filter((c) => c.status === 'published');
  const of = <T extends { partnerId: string | null }>(xs: readonly T[], id: string) =>
    xs.filter((x) => x.partnerId === id);
  const kinds = PARTNER_KINDS.map((kind) => {
    const accept = (p: string | null) => p !== null && kindOf.get(p) === kind;
    const value = customerValue(acq.values(), accept, range, today, LTV_WINDOW_DAYS);
    let cost = 0;
    let revenue = 0;
    for (const p of data.partners) {
      if (p.kind !== kind) continue;
      const e = partnerEarnings(
        {
          kind,
          contracts: of(data.contracts, p.id),
          orders: of(data.orders, p.id),
          content: of(published, p.id),
          bonuses: of(data.bonuses, p.id),
          bonusRules: data.bonusRules,
        },
        range,
        { timeZone: TZ, countDiscountAsCost: false },
      );
      cost += e.costCents;
      revenue += e.revenueCents;
    }
    return {
      kind,
      value,
      roi: roiTwoWays(cost, revenue, value.lifetimeValueCents, LTV_WINDOW_DAYS),
      cohorts: cohorts(acq.values(), accept, today).filter(
        (c) => c.month >= range.start.slice(0, 7),
      ),
    };
  });
  const hyper = data.partners.filter(
    (p) => p.tags.includes('hyperlocal influencer') && p.location.city,
  );
  const sameCity = inPartnerCity;
  const hyperlocal = hyper
    .map((p) => {
      const ks = of(data.contracts, p.id).sort((a, b) => a.startDate.localeCompare(b.startDate));
      if (ks.length === 0) return null;
      const start = ks[0]!.startDate > range.start ? ks[0]!.startDate : range.start;
      const lastEnd = ks[ks.length - 1]!.endDate;
      const end = lastEnd && lastEnd < today ? lastEnd : today;
      if (start > end) return null;
      return { partner: p, uplift: hyperlocalUplift(data.orders, p, { start, end }, TZ) };
    })
    .filter((x) => x !== null);
  const regions = byRegion(data.orders, acq, range, TZ).map((r) => ({
    ...r,
    hyperlocal: hyper.filter((p) => sameCity(p)({ region: r })).map((p) => p.name),
  }));
  const months = monthsInRange(range);
  const postsByKind = {
    ambassador: months.map(() => 0),
    affiliate: months.map(() => 0),
  };
  for (const c of published) {
    const i = months.indexOf(c.plannedDate.slice(0, 7));
    const k = kindOf.get(c.partnerId);
    if (i >= 0 && k) postsByKind[k][i]! += 1;
  }
  return {
    range,
    today,
    kinds,
    regions,
    hyperlocal,
    months,
    postsByKind,
    hasCustomers: acq.size > 0,
  };
}

/** The figures from the ranged reads, as useGrowthData makes them. */
async function fromRangedReads(now: number) {
  const [partners, contracts, bonuses, bonusRules, rollups, brandFollowers] = await Promise.all([
    allPartners(db),
    allContracts(db),
    allBonuses(db),
    allBonusRules(db),
    allPartnerStats(db),
    allBrandFollowers(db),
  ]);
  const plan = readPlan(partners, contracts, TZ, now);
  const [orders, known, content] = await Promise.all([
    ordersBetween(db, plan.fromMs, Infinity),
    // Small slices, so that reading in slices is exercised too.
    customersBefore(db, plan.fromMs, 17 * DAY),
    contentBetween(db, startOfMonth(plan.range.start), endOfMonth(plan.today)),
  ]);
  const posts = content.filter((c) => c.status === 'published');
  const g = growthFigures(
    { partners, contracts, bonuses, bonusRules, rollups, brandFollowers },
    plan,
    { orders, known, posts },
    TZ,
    false,
  );
  return { g, plan, ordersRead: orders.length, known: known.size };
}

describe('Customers & growth from ranged reads', () => {
  const data = generateSampleData(dateInZone(NOW, TZ), NOW);
  // Without hyperlocal partners, no "before" period reaches back: only the period is read.
  const plain: DataSet = {
    ...data,
    partners: data.partners.map((p) => ({
      ...p,
      tags: p.tags.filter((t) => t !== 'hyperlocal influencer'),
    })),
  };

  // Today, and later days when more of the history lies before the period (customers acquired
  // before it come back in it), and an earlier day (orders after "today" are stored).
  for (const [label, set] of [
    ['the sample', data],
    ['the sample without hyperlocal partners', plain],
  ] as const)
    for (const days of [0, 120, 240, -90]) {
      it(`equals the whole history's figures for ${label}, ${days} days from its today`, async () => {
        await replaceAllData(db, set);
        const now = NOW + days * DAY;
        const want = fromEverything(set, now);
        const { g, plan, ordersRead, known } = await fromRangedReads(now);
        if (set === plain && days >= 120) {
          expect(ordersRead).toBeLessThan(set.orders.length);
          expect(known).toBeGreaterThan(0);
        }
        expect(plan.range).toEqual(want.range);
        expect(g.kinds).toEqual(want.kinds);
        expect(g.regions).toEqual(want.regions);
        expect(g.hyperlocal).toEqual(want.hyperlocal);
        expect(g.months).toEqual(want.months);
        expect(g.postsByKind).toEqual(want.postsByKind);
        expect(g.hasCustomers).toBe(want.hasCustomers);
      });
    }

  it('knows the customers of older orders, cancelled ones left out', async () => {
    await replaceAllData(db, data);
    const before = NOW - 200 * DAY;
    const want = new Set(
      data.orders
        .filter((o) => o.placedAtMs < before && o.customerKey && o.status !== 'cancelled')
        .map((o) => o.customerKey!),
    );
    expect(want.size).toBeGreaterThan(0);
    expect(await customersBefore(db, before)).toEqual(want);
    expect(await customersBefore(db, before, 3 * DAY)).toEqual(want);
  });
});
