import { toPng } from 'html-to-image';
import {
  Award,
  FileDown,
  HeartHandshake,
  ImageDown,
  Link2,
  PawPrint,
  ShoppingBag,
  type LucideIcon,
} from 'lucide-react';
import { forwardRef, useEffect, useRef, useState } from 'react';
import { ErrorPanel } from '../../components/ui';
import {
  ASPECTS,
  betterIndex,
  FIGURES,
  KIND_NAMES,
  type Comparison,
  type FigureKey,
  formatFigure,
} from '../../domain/compare';
import { headline } from '../../domain/verdict';
import type { PartnerKind, Settings } from '../../domain/schemas';
import { printToPdf, saveFile } from '../../platform/bridge';
import { useUi } from '../../store/ui';
import { ConvertedNote } from '../../components/ConvertedNote';
import interLatin from '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2?url';

/** What the note about orders converted at import says its figures are. */
const LEAD = 'These figures include';

let fontCss: Promise<string> | null = null;
/**
 * The UI font as an @font-face with its bytes inline, for the image: html-to-image would
 * otherwise read the page's stylesheets itself, which the app's CSP (base-uri 'none') refuses.
 */
function embeddedFontCss(): Promise<string> {
  fontCss ??= fetch(interLatin)
    .then((r) => r.blob())
    .then(
      (blob) =>
        new Promise<string>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(String(reader.result));
          reader.onerror = () => reject(reader.error ?? new Error('could not read the font'));
          reader.readAsDataURL(blob);
        }),
    )
    .then(
      (url) =>
        `@font-face { font-family: 'Inter Variable'; font-style: normal; font-weight: 100 900; src: url(${url}) format('woff2'); }`,
    );
  return fontCss;
}

/** The big numbers of the infographic, in order. */
const BIG: { key: FigureKey; label: string }[] = [
  { key: 'revenue', label: 'Revenue' },
  { key: 'roi', label: 'ROI' },
  { key: 'cpa', label: 'Cost per order' },
  { key: 'engagementRate', label: 'Engagement rate' },
];

/** How many of an aspect's own figures the infographic shows under its words. */
const ASPECT_FIGURES = 2;

const KIND_ICON: Record<PartnerKind, LucideIcon> = { ambassador: Award, affiliate: Link2 };

interface CardProps {
  c: Comparison;
  settings: Settings;
  periodLabel: string;
  /** The day it was made, in the brand's locale. */
  madeOn: string;
}

/**
 * The one-pager itself. Its layout is fixed (760 CSS px wide, see .infographic): the preview
 * and the exported image are the same at any window size.
 */
const InfographicCard = forwardRef<HTMLDivElement, CardProps & { testId?: string }>(
  function InfographicCard({ c, settings, periodLabel, madeOn, testId }, ref) {
    const groups = [c.kinds.ambassador, c.kinds.affiliate];
    const kinds: PartnerKind[] = ['ambassador', 'affiliate'];
    const lead = headline(c.kinds, settings);
    return (
      <div className="infographic" ref={ref} data-testid={testId}>
        <header className="ig-head">
          {settings.logoDataUrl ? (
            <img
              className="ig-logo"
              src={settings.logoDataUrl}
              alt={`${settings.brandName} logo`}
            />
          ) : (
            <PawPrint size={28} aria-hidden="true" />
          )}
          <div>
            <p className="ig-brand">{settings.brandName || 'Your brand'}</p>
            <h2>
              {KIND_NAMES.ambassador} <span className="ig-vs">vs</span> {KIND_NAMES.affiliate}
            </h2>
            <p>
              {periodLabel} · made {madeOn}
            </p>
          </div>
        </header>
        {lead ? <p className="ig-headline">{lead}</p> : null}
        <div className="ig-cols">
          {groups.map((g, gi) => {
            const k = kinds[gi]!;
            const Icon = KIND_ICON[k];
            return (
              <section key={g.key} className={`ig-col ig-${k}`} aria-label={g.label}>
                <div className="ig-col-head">
                  <span className="ig-icon" aria-hidden="true">
                    <Icon size={22} />
                  </span>
                  <div>
                    <h3>{g.label}</h3>
                    <p>
                      {g.counts.partners} partner{g.counts.partners === 1 ? '' : 's'}
                    </p>
                  </div>
                </div>
                <dl className="ig-big">
                  {BIG.map((b) => {
                    const better = betterIndex(b.key, groups) === gi;
                    return (
                      <div key={b.key} className={better ? 'better' : ''}>
                        <dt>{b.label}</dt>
                        <dd>
                          {formatFigure(b.key, g.figures[b.key], settings)}
                          {better ? <span className="sr-only"> (better)</span> : null}
                        </dd>
                      </div>
                    );
                  })}
                </dl>
              </section>
            );
          })}
        </div>
        <ol className="ig-aspects">
          {ASPECTS.map((a) => (
            <li key={a.key}>
              {kinds.map((k, gi) => (
                <div key={k} className={k === 'ambassador' ? 'ig-amb' : 'ig-aff'}>
                  {a[k]}
                  <span className="ig-figs">
                    {a.figures.slice(0, ASPECT_FIGURES).map((f) => (
                      <span key={f}>
                        {FIGURES[f].label}:{' '}
                        <b>{formatFigure(f, groups[gi]!.figures[f], settings)}</b>
                      </span>
                    ))}
                  </span>
                </div>
              ))}
              <div className="ig-aspect">{a.label}</div>
            </li>
          ))}
        </ol>
        <ConvertedNote totals={c.converted} locale={settings.locale} lead={LEAD} byKind />
        <footer className="ig-foot">
          <HeartHandshake size={16} aria-hidden="true" /> Ambassadors build the brand;
          micro-affiliates bring quick sales.
          <ShoppingBag size={16} aria-hidden="true" /> Figures from your own records, made with
          Pawtners.
        </footer>
      </div>
    );
  },
);

/** The comparison as a shareable one-pager: two coloured columns, big numbers, seven aspects. */
export function InfographicView(props: { c: Comparison; settings: Settings; periodLabel: string }) {
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const showToast = useUi((s) => s.showToast);
  const exportRef = useRef<HTMLDivElement>(null);
  const madeOn = new Intl.DateTimeFormat(props.settings.locale, { dateStyle: 'medium' }).format(
    new Date(),
  );

  // The image is drawn from a copy rendered off-screen at the fixed layout, never from the
  // preview on the page (which a narrow window scrolls or a theme could restyle).
  useEffect(() => {
    if (!exporting) return;
    let stopped = false;
    const run = async () => {
      try {
        await document.fonts.ready;
        const node = exportRef.current;
        if (!node || stopped) return;
        const url = await toPng(node, {
          pixelRatio: 2,
          backgroundColor: '#ffffff',
          fontEmbedCSS: await embeddedFontCss(),
        });
        const saved = await saveFile({
          kind: 'png',
          suggestedName: 'pawtners-ambassadors-vs-micro-affiliates.png',
          data: url.slice(url.indexOf(',') + 1),
          encoding: 'base64',
        });
        if (saved) showToast({ tone: 'success', message: `Image saved: ${saved.location}` });
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        if (!stopped) setExporting(false);
      }
    };
    void run();
    return () => {
      stopped = true;
    };
  }, [exporting, showToast]);

  return (
    <div className="stack">
      <div className="row infographic-actions">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            setError(null);
            setExporting(true);
          }}
          disabled={exporting}
        >
          <ImageDown size={16} aria-hidden="true" /> {exporting ? 'Saving image…' : 'Export PNG'}
        </button>
        <button
          type="button"
          className="btn"
          onClick={async () => {
            const saved = await printToPdf('pawtners-ambassadors-vs-micro-affiliates.pdf');
            if (saved) showToast({ tone: 'success', message: `PDF saved: ${saved.location}` });
          }}
        >
          <FileDown size={16} aria-hidden="true" /> Print or save as PDF
        </button>
        <span className="muted small">Sized for A4 and US Letter pages.</span>
      </div>
      {error ? (
        <ErrorPanel title="The image could not be made">
          {error}. Try again, or use Print or save as PDF instead.
        </ErrorPanel>
      ) : null}
      <div className="ig-frame">
        <InfographicCard {...props} madeOn={madeOn} testId="infographic" />
      </div>
      {exporting ? (
        <div className="ig-offscreen" aria-hidden="true" inert>
          <InfographicCard {...props} madeOn={madeOn} ref={exportRef} />
        </div>
      ) : null}
    </div>
  );
}
