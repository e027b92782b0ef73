import {
  ASPECTS,
  betterIndex,
  FIGURES,
  type GroupResult,
  formatFigure,
  notEnoughNote,
} from '../../domain/compare';
import type { Settings } from '../../domain/schemas';
import { href } from '../../navigation/router';
import { glossarySlug } from '../../domain/glossary';

function columnClass(g: GroupResult): string {
  if (g.key === 'ambassador') return 'col-amb';
  if (g.key === 'affiliate') return 'col-aff';
  return 'col-sub';
}

/**
 * The seven aspects, one row each; each cell pairs the short statement with the owner's figures.
 * With sub-types, their columns carry figures only (the statements describe the two kinds).
 */
export function ComparisonTable(props: {
  groups: readonly GroupResult[];
  settings: Pick<Settings, 'currency' | 'locale'>;
}) {
  const { groups, settings } = props;
  const compact = groups.length > 2;
  return (
    <table
      className={`compare-table ${compact ? 'compact' : ''}`}
      aria-label="Ambassadors vs micro-affiliates"
    >
      <thead>
        <tr>
          <th scope="col">Aspect</th>
          {groups.map((g) => (
            <th scope="col" key={g.key} className={columnClass(g)}>
              {g.key === 'ambassador' || g.key === 'affiliate' ? (
                g.label
              ) : (
                <a href={href(`compare/glossary#${glossarySlug(g.key)}`)}>{g.label}</a>
              )}
              <div className="col-count">
                {g.counts.partners} partner{g.counts.partners === 1 ? '' : 's'}
              </div>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ASPECTS.map((a) => (
          <tr key={a.key} data-aspect={a.key}>
            <th scope="row">{a.label}</th>
            {groups.map((g, gi) => (
              <td key={g.key} className={columnClass(g)}>
                {g.key === 'ambassador' || g.key === 'affiliate' ? (
                  <p className="aspect-text">
                    {g.key === 'ambassador' ? a.ambassador : a.affiliate}
                  </p>
                ) : null}
                <dl className="figs">
                  {a.figures.map((k) => {
                    const f = g.figures[k];
                    const better = betterIndex(k, groups) === gi;
                    return (
                      <div
                        key={k}
                        className={`fig ${better ? 'better' : ''} ${f.value === null ? 'thin' : ''}`}
                        data-figure={k}
                      >
                        <dt title={FIGURES[k].how}>{FIGURES[k].label}</dt>
                        <dd>
                          <span className="fig-value">{formatFigure(k, f, settings)}</span>
                          {better ? <span className="sr-only"> (better)</span> : null}
                          {f.value === null ? (
                            <span className="fig-note">{notEnoughNote(k, f)}</span>
                          ) : null}
                        </dd>
                      </div>
                    );
                  })}
                </dl>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
