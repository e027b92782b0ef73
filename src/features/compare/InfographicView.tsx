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
import { useRef, useState } from 'react';
import { ErrorPanel } from '../../components/ui';
import {
  ASPECTS,
  betterIndex,
  KIND_NAMES,
  type Comparison,
  type FigureKey,
  formatFigure,
} from '../../domain/compare';
import type { PartnerKind, Settings } from '../../domain/schemas';
import { printToPdf, saveFile } from '../../platform/bridge';
import { useUi } from '../../store/ui';

/** The big numbers of the infographic, in order. */
const BIG: { key: FigureKey; label: string }[] = [
  { key: 'revenue', label: 'Revenue' },
  { key: 'roi', label: 'ROI' },
  { key: 'cpa', label: 'Cost per order' },
  { key: 'engagementRate', label: 'Engagement rate' },
];

const KIND_ICON: Record<PartnerKind, LucideIcon> = { ambassador: Award, affiliate: Link2 };

/** The comparison as a shareable one-pager: two coloured columns, big numbers, seven aspects. */
export function InfographicView(props: { c: Comparison; settings: Settings; periodLabel: string }) {
  const { c, settings, periodLabel } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const showToast = useUi((s) => s.showToast);
  const groups = [c.kinds.ambassador, c.kinds.affiliate];
  const kinds: PartnerKind[] = ['ambassador', 'affiliate'];

  const exportPng = async () => {
    if (!ref.current) return;
    setBusy(true);
    setError(null);
    try {
      const url = await toPng(ref.current, { pixelRatio: 2, backgroundColor: '#ffffff' });
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
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      <div className="row infographic-actions">
        <button type="button" className="btn btn-primary" onClick={exportPng} disabled={busy}>
          <ImageDown size={16} aria-hidden="true" /> {busy ? 'Saving image…' : 'Export PNG'}
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
        <div className="infographic" ref={ref} data-testid="infographic">
          <header className="ig-head">
            <PawPrint size={28} aria-hidden="true" />
            <div>
              <h2>
                {KIND_NAMES.ambassador} <span className="ig-vs">vs</span> {KIND_NAMES.affiliate}
              </h2>
              <p>
                {settings.brandName ? `${settings.brandName} · ` : ''}
                {periodLabel}
              </p>
            </div>
          </header>
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
                            {better ? <span className="better-mark"> (better)</span> : null}
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
                <div className="ig-amb">{a.ambassador}</div>
                <div className="ig-aspect">{a.label}</div>
                <div className="ig-aff">{a.affiliate}</div>
              </li>
            ))}
          </ol>
          <footer className="ig-foot">
            <HeartHandshake size={16} aria-hidden="true" /> Ambassadors build the brand;
            micro-affiliates bring quick sales.
            <ShoppingBag size={16} aria-hidden="true" /> Figures from your own records, made with
            Pawtners.
          </footer>
        </div>
      </div>
    </div>
  );
}
