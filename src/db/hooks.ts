import { useLiveQuery } from 'dexie-react-hooks';
import { defaultSettings, SETTINGS_ID, type Settings } from '../domain/schemas';
import { getDb } from './db';

const FALLBACK = defaultSettings(0);

/** The brand settings, live; defaults until the first save. */
export function useSettings(): Settings {
  return useLiveQuery(() => getDb().settings.get(SETTINGS_ID), []) ?? FALLBACK;
}

/** Number of partners (undefined while loading), to choose between empty and filled states. */
export function usePartnerCount(): number | undefined {
  return useLiveQuery(() => getDb().partners.count(), []);
}
