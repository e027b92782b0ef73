import { useEffect, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { defaultSettings, type Settings } from '../domain/schemas';
import { getDb } from '../db/db';
import { figuresOf, type FiguresBase } from '../db/figures';
import { countPartners } from '../db/partners';
import { whenOwnerIdle } from './owner-idle';
import { storedSettings } from '../db/repo';

const FALLBACK = defaultSettings(0);

/** The brand settings, live; defaults until the first save. */
export function useSettings(): Settings {
  return useLiveQuery(() => storedSettings(getDb()), []) ?? FALLBACK;
}

/** Number of partners (undefined while loading), to choose between empty and filled states. */
export function usePartnerCount(): number | undefined {
  return useLiveQuery(() => countPartners(getDb()), []);
}

/**
 * The figures every summary starts from (partners, contracts, campaigns, bonuses, bonus rules,
 * gift shipments, every rollup), live; undefined while read. One copy shared by every screen
 * (src/db/figures.ts): a screen opened after another read it, with nothing changed since, has it
 * at once.
 */
export function useFigures(): FiguresBase | undefined {
  const feed = figuresOf(getDb());
  const value = useSyncExternalStore(feed.subscribe, feed.snapshot);
  const failure = feed.error();
  if (value === undefined && failure !== undefined) throw failure;
  return value;
}

/** How long the owner pauses before the figures are read again after a change no screen shows. */
const WARM_IDLE_MS = 1000;

/**
 * Once `enabled` (after start-up), keep the shared figures ready for the next screen that sums a
 * period: after a change while none shows them, they are read again when the owner pauses.
 */
export function useWarmFigures(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    return figuresOf(getDb()).keepWarm((signal) => whenOwnerIdle(WARM_IDLE_MS, signal));
  }, [enabled]);
}
