import { useEffect, useSyncExternalStore } from 'react';
import type { Settings } from '../domain/schemas';

export type ThemeChoice = Settings['theme'];

/** The theme to draw: the owner's choice, or the system's when they chose "system". */
export function resolveTheme(
  choice: ThemeChoice | undefined,
  systemDark: boolean,
): 'light' | 'dark' {
  if (choice === 'light' || choice === 'dark') return choice;
  return systemDark ? 'dark' : 'light';
}

/** Puts the resolved theme on <html data-theme>, following the system while "system" is chosen. */
export function useApplyTheme(choice: ThemeChoice | undefined): void {
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      document.documentElement.dataset.theme = resolveTheme(choice, media.matches);
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [choice]);
}

function subscribeTheme(cb: () => void): () => void {
  const observer = new MutationObserver(cb);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

/** The theme drawn now ('light' or 'dark'); re-renders when it changes (for canvas charts). */
export function useDrawnTheme(): string {
  return useSyncExternalStore(
    subscribeTheme,
    () => document.documentElement.dataset.theme ?? 'light',
  );
}
