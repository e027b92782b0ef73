import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { navigate } from '../../navigation/router';
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { deletePartner, restorePartner, setArchived } from '../../db/partners';
import { acquisitions, customerValue, roiTwoWays } from '../../domain/customers';
import { partnerEarnings } from '../../domain/earnings';
import { giftCostsByPartner } from '../../domain/gifts';
import { followersByPlatform, partnerFigures, postTotals } from '../../domain/partner-figures';
import { activitySpan, periodWithData } from '../../domain/period-offer';
import { packPosts } from '../../domain/stats';
import { partnerStatsOf } from '../../db/stats';
import type { DateRange } from '../../domain/dates';
import type { Partner, Settings } from '../../domain/schemas';
import { recordEdit } from '../../store/edits';
import { useUi } from '../../store/ui';
import { useCustomerOrders, type PartnerDetailData } from './usePartners';

/** Customers are valued on what they spend in the 12 months after their first order. */
const LTV_WINDOW_DAYS = 365;

/** The partner's earnings in the period and the value of the customers they brought. */
export function usePartnerDetailFigures(
  id: string,
  data: PartnerDetailData | undefined,
  range: DateRange,
  today: string,
  settings: Settings,
) {
  const earnings = useMemo(() => {
    if (!data?.partner) return null;
    return partnerEarnings(
      {
        kind: data.partner.kind,
        contracts: data.contracts,
        orders: data.orders,
        content: data.content,
        bonuses: data.bonuses,
        bonusRules: data.bonusRules,
        gifts: giftCostsByPartner(data.shipments).get(data.partner.id) ?? [],
      },
      range,
      { timeZone: settings.timeZone, countDiscountAsCost: settings.countDiscountAsCost },
    );
  }, [data, range, settings.timeZone, settings.countDiscountAsCost]);

  const customerOrders = useCustomerOrders(id);
  const customers = useMemo(() => {
    if (!customerOrders || !earnings) return null;
    const acq = acquisitions(customerOrders, settings.timeZone);
    const value = customerValue(acq.values(), (pid) => pid === id, range, today, LTV_WINDOW_DAYS);
    const twoWays = roiTwoWays(
      earnings.costCents,
      earnings.revenueCents,
      value.lifetimeValueCents,
      LTV_WINDOW_DAYS,
    );
    return { value, roi: twoWays };
  }, [customerOrders, earnings, settings.timeZone, id, range, today]);

  const figures = useMemo(() => {
    if (!data?.partner || !earnings) return null;
    const posts = postTotals(packPosts(data.content), range, followersByPlatform(data.partner));
    return partnerFigures(earnings, posts, settings.cpmCents);
  }, [data, earnings, range, settings.cpmCents]);

  return { earnings, customers, figures, offer: usePeriodOffer(id, range) };
}

/**
 * When the period holds none of this partner's orders or posts but other dates do: those dates
 * (the 12 months up to the last day with data), and the span of the data, from the rollup.
 */
function usePeriodOffer(id: string, range: DateRange) {
  const rollup = useLiveQuery(async () => (await partnerStatsOf(getDb(), id)) ?? null, [id]);
  return useMemo(() => {
    if (!rollup) return null;
    const span = activitySpan(new Map([[id, { contracts: [], bonuses: [], stats: rollup }]]));
    const offer = periodWithData(range, span);
    return offer && span ? { offer, span } : null;
  }, [rollup, id, range]);
}

export type CustomerFigures = ReturnType<typeof usePartnerDetailFigures>['customers'];
export type PeriodOffer = ReturnType<typeof usePartnerDetailFigures>['offer'];

/** Delete (with undo) and archive, each telling the owner how it went. */
export function usePartnerActions() {
  const showToast = useUi((s) => s.showToast);

  const remove = async (p: Partner) => {
    try {
      let snapshot = await deletePartner(getDb(), p.id);
      navigate('partners');
      recordEdit(
        {
          label: `deleting ${p.name}`,
          undoneMessage: `${p.name} is back`,
          undo: () => restorePartner(getDb(), snapshot),
          redo: async () => {
            snapshot = await deletePartner(getDb(), p.id);
          },
        },
        `${p.name} deleted`,
        { tone: 'info', timeoutMs: 8000 },
      );
    } catch (e) {
      showToast({ tone: 'error', message: `Could not delete: ${saveErrorMessage(e)}` });
    }
  };

  const toggleArchive = async (p: Partner) => {
    try {
      await setArchived(getDb(), p.id, !p.archived);
      showToast({
        tone: 'success',
        message: p.archived ? `${p.name} is back in the list` : `${p.name} archived`,
      });
    } catch (e) {
      showToast({ tone: 'error', message: `Could not save: ${saveErrorMessage(e)}` });
    }
  };

  return { remove, toggleArchive };
}
