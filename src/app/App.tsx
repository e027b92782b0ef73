import {
  lazy,
  Suspense,
  useEffect,
  useState,
  type ComponentType,
  type LazyExoticComponent,
  type MouseEvent,
} from 'react';
import {
  BarChart3,
  Search,
  CalendarDays,
  Gift,
  HandCoins,
  LayoutDashboard,
  PawPrint,
  Receipt,
  Scale,
  Settings as SettingsIcon,
  Users,
  type LucideIcon,
} from 'lucide-react';
import { CommandPalette, OPEN_PALETTE_EVENT } from '../components/CommandPalette';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { RemindersButton } from '../components/Reminders';
import { useApplyTheme } from '../components/theme';
import { useSettings, useWarmFigures } from '../hooks/data';
import { safeLocale } from '../domain/intl';
import { Toasts } from '../components/Toasts';
import { Progress } from '../components/ui';
import { useUi } from '../store/ui';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { useMenuActions } from '../hooks/useMenuActions';
import { useUndoKeys } from '../hooks/useUndoKeys';
import { BACKUPS_PATH, SCREENS, href, useRoute, type ScreenPath } from '../navigation/router';

// Screens other than the Dashboard load on first visit or, once start-up is over, in a quiet
// moment (see usePrefetchScreens), so start-up parses only what it shows and a first visit does
// not wait for the network or the compiler.
type ScreenComponent = ComponentType<{ rest: string[] }>;
type LazyScreen = Exclude<ScreenPath, 'dashboard'>;
const SCREEN_CODE: Record<LazyScreen, () => Promise<ScreenComponent>> = {
  partners: () => import('../features/partners/PartnersScreen').then((m) => m.PartnersScreen),
  calendar: () => import('../features/calendar/CalendarScreen').then((m) => m.CalendarScreen),
  sales: () => import('../features/sales/SalesScreen').then((m) => m.SalesScreen),
  payouts: () => import('../features/payouts/PayoutsScreen').then((m) => m.PayoutsScreen),
  seeding: () => import('../features/seeding/SeedingScreen').then((m) => m.SeedingScreen),
  compare: () => import('../features/compare/CompareScreen').then((m) => m.CompareScreen),
  settings: () => import('../features/settings/SettingsScreen').then((m) => m.SettingsScreen),
};
const LAZY_SCREENS = Object.keys(SCREEN_CODE) as LazyScreen[];

/**
 * Screens whose code has loaded, rendered as plain components. A React.lazy component suspends on
 * its first render even when its module is already in memory, and React then holds the new
 * screen back for its Suspense throttle (about 300 ms, measured in `npm run bench`): a prefetched
 * screen must not pay that on its first visit.
 */
const loadedScreens = new Map<LazyScreen, ScreenComponent>();
const loadScreen = (screen: LazyScreen) =>
  SCREEN_CODE[screen]().then((c) => {
    loadedScreens.set(screen, c);
    return c;
  });
const LAZY = {} as Record<LazyScreen, LazyExoticComponent<ScreenComponent>>;
for (const screen of LAZY_SCREENS)
  LAZY[screen] = lazy(() => loadScreen(screen).then((c) => ({ default: c })));

/** After start-up, load the other screens' code one at a time in idle moments. */
function usePrefetchScreens(afterStart: boolean): void {
  useEffect(() => {
    if (!afterStart) return;
    let stopped = false;
    let idle = 0;
    const queue = [...LAZY_SCREENS];
    const next = () => {
      const screen = queue.shift();
      if (!screen || stopped) return;
      idle = requestIdleCallback(() => {
        loadScreen(screen).then(next, next);
      });
    };
    next();
    return () => {
      stopped = true;
      cancelIdleCallback(idle);
    };
  }, [afterStart]);
}

// Automatic backups (desktop only) pull in the backup writer: they load after start-up
// (useAfterStart).
const AutoBackups = lazy(() =>
  import('../features/settings/useAutoBackups').then(({ useAutoBackups }) => ({
    default: function AutoBackups() {
      useAutoBackups();
      return null;
    },
  })),
);

const ICONS: Record<ScreenPath, LucideIcon> = {
  dashboard: LayoutDashboard,
  partners: Users,
  calendar: CalendarDays,
  sales: Receipt,
  payouts: HandCoins,
  seeding: Gift,
  compare: Scale,
  settings: SettingsIcon,
};

/** How long after the app mounts work that the first screen does not need may load. */
const START_MS = 2000;

/**
 * False until a while after start-up and a quiet moment: the automatic backups' code (the backup
 * writer with its validation, about 100 ms to load and compile) waits for it instead of competing
 * with the first screen for the main thread.
 */
function useAfterStart(): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    let idle = 0;
    const timer = setTimeout(() => {
      idle = requestIdleCallback(() => setAfter(true), { timeout: START_MS });
    }, START_MS);
    return () => {
      clearTimeout(timer);
      cancelIdleCallback(idle);
    };
  }, []);
  return after;
}

function Screen({ screen, rest }: { screen: ScreenPath; rest: string[] }) {
  if (screen === 'dashboard') return <DashboardScreen />;
  const Loaded = loadedScreens.get(screen) ?? LAZY[screen];
  return <Loaded rest={rest} />;
}

/** The skip link moves focus to the screen itself; the hash stays the route. */
function skipToMain(e: MouseEvent): void {
  e.preventDefault();
  document.getElementById('main')?.focus();
}

export function App() {
  const route = useRoute();
  const busy = useUi((s) => s.busy);
  useMenuActions();
  useUndoKeys();
  const settings = useSettings();
  useApplyTheme(settings.theme);
  const current = SCREENS.find((s) => s.path === route.screen)!;
  const afterStart = useAfterStart();
  usePrefetchScreens(afterStart);
  useWarmFigures(afterStart);

  useEffect(() => {
    document.title = `${current.label} · Pawtners`;
  }, [current.label]);

  useEffect(() => {
    const onVersionChange = () =>
      useUi.getState().showToast({
        tone: 'error',
        message: 'Pawtners was updated or opened elsewhere. Reload to continue.',
        timeoutMs: 600_000,
        action: { label: 'Reload', run: () => window.location.reload() },
      });
    window.addEventListener('pawtners:db-versionchange', onVersionChange);
    return () => window.removeEventListener('pawtners:db-versionchange', onVersionChange);
  }, []);

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <PawPrint aria-hidden="true" size={26} />
          <span>Pawtners</span>
        </div>
        <ul>
          {SCREENS.map((s) => {
            const Icon = ICONS[s.path];
            const active = s.path === route.screen;
            return (
              <li key={s.path}>
                <a
                  href={href(s.path)}
                  aria-current={active ? 'page' : undefined}
                  className={active ? 'active' : ''}
                  title={s.label}
                >
                  <Icon aria-hidden="true" size={18} />
                  <span>{s.label}</span>
                </a>
              </li>
            );
          })}
        </ul>
        <button
          type="button"
          className="sidebar-search"
          title="Search (Ctrl+K)"
          onClick={() => window.dispatchEvent(new Event(OPEN_PALETTE_EVENT))}
        >
          <Search aria-hidden="true" size={18} />
          <span>Search</span>
          <kbd>Ctrl K</kbd>
        </button>
        <RemindersButton />
        <div className="sidebar-foot muted">
          <BarChart3 aria-hidden="true" size={14} /> Your data stays on this computer.
        </div>
      </nav>
      <main className="content" id="main" tabIndex={-1}>
        {busy ? (
          <div className="busy-bar">
            <Progress
              label={busy.label}
              done={busy.done}
              total={busy.total}
              locale={safeLocale(settings.locale)}
              onCancel={busy.cancel}
            />
          </div>
        ) : null}
        {/* A screen that fails shows what failed, not a blank window; a new route tries again. */}
        <ErrorBoundary
          key={route.screen}
          what={`The ${current.label} screen`}
          backupsHref={route.screen === 'settings' ? undefined : href(BACKUPS_PATH)}
          resetKey={route.rest.join('/')}
        >
          <Suspense
            fallback={
              <p className="muted" role="status">
                Opening {current.label}…
              </p>
            }
          >
            <Screen screen={route.screen} rest={route.rest} />
          </Suspense>
        </ErrorBoundary>
      </main>
      <Toasts />
      <CommandPalette />
      {afterStart ? (
        <ErrorBoundary what="Automatic backups">
          <Suspense fallback={null}>
            <AutoBackups />
          </Suspense>
        </ErrorBoundary>
      ) : null}
    </div>
  );
}
