import { useLiveQuery } from 'dexie-react-hooks';
import { defaultSettings, type Settings } from '../domain/schemas';
import { getDb } from '../db/db';
import { countPartners } from '../db/partners';
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
