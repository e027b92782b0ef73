import { useSyncExternalStore } from 'react';

/** Screens of the left navigation, in order. */
export const SCREENS = [
  { path: 'dashboard', label: 'Dashboard' },
  { path: 'partners', label: 'Partners' },
  { path: 'calendar', label: 'Calendar' },
  { path: 'sales', label: 'Sales' },
  { path: 'payouts', label: 'Payouts' },
  { path: 'seeding', label: 'Seeding' },
  { path: 'compare', label: 'Compare' },
  { path: 'settings', label: 'Settings' },
] as const;
export type ScreenPath = (typeof SCREENS)[number]['path'];

/** Settings > Backups (export, import, undo): where a failing screen sends the owner. */
export const BACKUPS_PATH = 'settings/backups';

export interface Route {
  screen: ScreenPath;
  /** Path segments after the screen, e.g. ['p-001'] for #/partners/p-001. */
  rest: string[];
  query: URLSearchParams;
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?');
  const segments = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  const first = segments[0];
  const screen = SCREENS.find((s) => s.path === first)?.path ?? 'dashboard';
  return { screen, rest: segments.slice(1), query: new URLSearchParams(queryPart) };
}

/** The current hash route; re-renders on change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}

/** Go to a hash route such as `partners/p-001`. */
export function navigate(path: string): void {
  window.location.hash = `#/${path.replace(/^#?\/?/, '')}`;
}

export function href(path: string): string {
  return `#/${path}`;
}
