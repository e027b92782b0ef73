import { Search } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { getDb } from '../db/db';
import { findContentByTitle } from '../db/content';
import { findOrdersByNumber } from '../db/orders';
import { allPartners } from '../db/partners';
import { useSettings } from '../hooks/data';
import { saveSettings } from '../db/repo';
import type { Partner } from '../domain/schemas';
import { navigate, SCREENS } from '../navigation/router';
import { useUi } from '../store/ui';
import { contentItems, matchItems, orderItems, type PaletteItem } from './palette-items';

const STATIC_ITEMS: PaletteItem[] = [
  ...SCREENS.map((s) => ({
    id: `screen-${s.path}`,
    group: 'Screens' as const,
    label: s.label,
    route: s.path,
  })),
  { id: 'add-partner', group: 'Actions', label: 'Add partner', route: 'partners/new' },
  {
    id: 'import-orders',
    group: 'Actions',
    label: 'Import orders',
    route: 'sales',
    keywords: 'csv shopify etsy',
  },
  {
    id: 'backups',
    group: 'Actions',
    label: 'Back up or restore data',
    route: 'settings/backups',
    keywords: 'backup export',
  },
  {
    id: 'infographic',
    group: 'Actions',
    label: 'Export the infographic',
    route: 'compare/infographic',
    keywords: 'png pdf share',
  },
  {
    id: 'theme-dark',
    group: 'Actions',
    label: 'Theme: dark',
    action: 'theme-dark',
    keywords: 'appearance night',
  },
  {
    id: 'theme-light',
    group: 'Actions',
    label: 'Theme: light',
    action: 'theme-light',
    keywords: 'appearance day',
  },
  {
    id: 'theme-system',
    group: 'Actions',
    label: 'Theme: follow the system',
    action: 'theme-system',
    keywords: 'appearance auto',
  },
];

/** Dispatched on window (by the sidebar's Search button) to open the palette. */
export const OPEN_PALETTE_EVENT = 'pawtners:palette';

function partnerItems(partners: readonly Partner[]): PaletteItem[] {
  return partners.map((p) => ({
    id: `partner-${p.id}`,
    group: 'Partners',
    label: p.name,
    keywords: [...p.accounts.map((a) => a.handle), ...p.codes, p.email].join(' '),
    route: `partners/${encodeURIComponent(p.id)}`,
  }));
}

/**
 * Ctrl/Cmd+K: go to a screen, a partner (by name, handle or code) or run an action. A modal
 * combobox: arrows move, Enter opens, Esc closes and focus returns where it was.
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen(true);
      }
    };
    const onAsk = () => setOpen(true);
    window.addEventListener('keydown', onKey);
    window.addEventListener(OPEN_PALETTE_EVENT, onAsk);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(OPEN_PALETTE_EVENT, onAsk);
    };
  }, []);
  return open ? <Palette onClose={() => setOpen(false)} /> : null;
}

function Palette({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [partners, setPartners] = useState<readonly Partner[]>([]);
  const showToast = useUi((s) => s.showToast);

  useEffect(() => {
    const d = ref.current!;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    d.showModal();
    const onCancel = (e: Event) => {
      e.preventDefault();
      onClose();
    };
    d.addEventListener('cancel', onCancel);
    return () => {
      d.removeEventListener('cancel', onCancel);
      if (d.open) d.close();
      if (before?.isConnected) before.focus();
    };
  }, [onClose]);

  useEffect(() => {
    let live = true;
    allPartners(getDb()).then(
      (ps) => live && setPartners(ps.filter((p) => !p.archived)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const items = useMemo(() => [...STATIC_ITEMS, ...partnerItems(partners)], [partners]);
  const found = useFoundRecords(query, partners);
  const shown = useMemo(
    () => [...matchItems(items, query, found.length ? 8 : 12), ...found],
    [items, query, found],
  );
  const current = Math.min(active, Math.max(shown.length - 1, 0));

  const run = (item: PaletteItem | undefined) => {
    if (!item) return;
    onClose();
    if (item.route) navigate(item.route);
    if (item.action) {
      const theme = item.action.replace('theme-', '') as 'light' | 'dark' | 'system';
      saveSettings(getDb(), { theme }).catch((e: unknown) =>
        showToast({ tone: 'error', message: `The theme could not be saved: ${String(e)}` }),
      );
    }
  };

  return (
    <dialog ref={ref} className="dialog palette" aria-label="Go to or do">
      <div className="palette-search">
        <Search size={18} aria-hidden="true" />
        <input
          autoFocus
          role="combobox"
          aria-label="Search screens, partners, orders, content and actions"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={shown[current] ? `${listId}-${current}` : undefined}
          placeholder="Search partners, order numbers, post titles, screens…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((current + 1) % Math.max(shown.length, 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((current - 1 + shown.length) % Math.max(shown.length, 1));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              run(shown[current]);
            }
          }}
        />
      </div>
      <ul id={listId} role="listbox" aria-label="Results" className="palette-list">
        {shown.map((item, i) => (
          <li
            key={item.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'active' : ''}
            onMouseMove={() => setActive(i)}
            onClick={() => run(item)}
          >
            <span>{item.label}</span>
            <span className="muted palette-group">{item.group}</span>
          </li>
        ))}
        {shown.length === 0 ? (
          <li className="muted palette-none" role="presentation">
            Nothing matches “{query}”.
          </li>
        ) : null}
      </ul>
      <p className="hint palette-hint">↑ ↓ to move · Enter to open · Esc to close</p>
    </dialog>
  );
}

/** How long typing pauses before orders and content are looked up. */
const LOOKUP_MS = 120;
const FOUND_EACH = 5;

/**
 * Orders by number and content items by title, through their indexes (a few rows each, however
 * many orders there are), looked up once typing pauses.
 */
function useFoundRecords(query: string, partners: readonly Partner[]): PaletteItem[] {
  const settings = useSettings();
  const [found, setFound] = useState<{ query: string; items: PaletteItem[] }>({
    query: '',
    items: [],
  });
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    let live = true;
    const timer = setTimeout(() => {
      const db = getDb();
      Promise.all([
        findOrdersByNumber(db, q, FOUND_EACH),
        findContentByTitle(db, q, FOUND_EACH),
      ]).then(
        ([orders, content]) => {
          if (!live) return;
          const names = new Map(partners.map((p) => [p.id, p]));
          setFound({
            query,
            items: [
              ...orderItems(orders, names, settings),
              ...contentItems(content, names, settings),
            ],
          });
        },
        () => undefined,
      );
    }, LOOKUP_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, partners, settings]);
  return found.query === query ? found.items : NO_ITEMS;
}

const NO_ITEMS: PaletteItem[] = [];
