import { useCallback, useDeferredValue, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import { allPets } from '../../db/seeding';
import { useSettings } from '../../hooks/data';
import { SUBTYPE_TAGS } from '../../domain/schemas';
import { buildRows, filterRows, sortRows } from './listModel';
import { usePartnersUi } from './store';
import { useListMetrics } from './useListMetrics';
import { periodRange, todayIn, useAllPartners } from './usePartners';
import { moneyFormatter, numberFormats } from './format';

/**
 * Everything the partner list shows, from the stored partners, their rollups and the list's
 * filters: rows built once per data load, sorted per sort, filtered per (deferred) keystroke.
 */
export function usePartnerList() {
  const settings = useSettings();
  // Every partner, read once per change; searching and filtering happen in memory.
  const partners = useAllPartners();
  const { filters, sort, period, custom, selected } = usePartnersUi();
  const setSelected = usePartnersUi((s) => s.setSelected);
  const today = todayIn(settings);
  const range = useMemo(() => periodRange(period, today, custom), [period, today, custom]);
  const metrics = useListMetrics(partners, range, settings);

  const visible = useMemo(
    () => (partners ?? []).filter((p) => filters.showArchived || !p.archived),
    [partners, filters.showArchived],
  );
  const tagOptions = useMemo(() => {
    const all = new Set<string>([...SUBTYPE_TAGS, ...settings.customTags]);
    for (const p of partners ?? []) for (const t of p.tags) all.add(t);
    return [...all].sort((a, b) => a.localeCompare(b));
  }, [partners, settings.customTags]);
  const nicheOptions = useMemo(
    () => [...new Set((partners ?? []).map((p) => p.niche).filter(Boolean))].sort(),
    [partners],
  );

  // Row models and their order change with the data or the sort, not with each keystroke: a
  // keystroke only filters the sorted rows (and may lag a frame behind the typing).
  const pets = useLiveQuery(() => allPets(getDb()), []);
  const speciesOf = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const p of pets ?? []) m.set(p.partnerId, [...(m.get(p.partnerId) ?? []), p.species]);
    return m;
  }, [pets]);
  const allRows = useMemo(
    () => buildRows(partners ?? [], settings.tierBounds, metrics, speciesOf),
    [partners, settings.tierBounds, metrics, speciesOf],
  );
  const sorted = useMemo(() => sortRows(allRows, sort), [allRows, sort]);
  const search = useDeferredValue(filters.search);
  const { showArchived, kind, status, tier, tag, niche, species } = filters;
  const rows = useMemo(
    () => filterRows(sorted, { showArchived, kind, status, tier, tag, niche, species }, search),
    [sorted, showArchived, kind, status, tier, tag, niche, species, search],
  );
  const onTick = useCallback(
    (id: string, on: boolean) => {
      const next = new Set(usePartnersUi.getState().selected);
      if (on) next.add(id);
      else next.delete(id);
      setSelected(next);
    },
    [setSelected],
  );
  const money = useMemo(
    () => moneyFormatter(settings.currency, settings.locale),
    [settings.currency, settings.locale],
  );
  const counts = useMemo(() => {
    const c = { all: visible.length, ambassador: 0, affiliate: 0 };
    for (const p of visible) c[p.kind] += 1;
    return c;
  }, [visible]);
  const selectedVisible = rows.filter((r) => selected.has(r.partner.id));
  const filtered = Boolean(filters.search || kind || status || tier || tag || niche || species);

  return {
    settings,
    partners,
    today,
    range,
    rows,
    visible,
    counts,
    tagOptions,
    nicheOptions,
    onTick,
    money,
    num: numberFormats(settings.locale),
    selectedVisible,
    allTicked: rows.length > 0 && selectedVisible.length === rows.length,
    filtered,
  };
}
