import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getDb } from '../db/db';
import { App } from './App';

/** Open the database and render the app (called by src/main.tsx). */
export function boot(): void {
  // Dexie would open the database on the first screen's first query, after React's first render;
  // opening it now overlaps that render. A failure surfaces in those queries, not here.
  getDb()
    .open()
    .catch(() => undefined);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
