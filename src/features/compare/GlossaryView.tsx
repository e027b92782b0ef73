import { useEffect } from 'react';
import { KindBadge } from '../../components/ui';
import { GLOSSARY, glossarySlug } from '../../domain/glossary';
import { SUBTYPE_TAGS } from '../../domain/schemas';

/** The related terms, explained in-app; partner tags and sub-type columns link here by anchor. */
export function GlossaryView() {
  // Hash routes carry the anchor after a second '#': #/compare/glossary#nano-ambassador.
  const anchor = window.location.hash.split('#')[2] ?? '';
  useEffect(() => {
    if (anchor) document.getElementById(anchor)?.scrollIntoView({ block: 'start' });
  }, [anchor]);
  return (
    <div className="stack">
      <p className="muted glossary-intro">
        Words you will meet when working with creators. The first five are sub-types you can tag
        partners with; the Compare table can show each of them as its own column.
      </p>
      <div className="glossary">
        {GLOSSARY.map((g) => {
          const slug = glossarySlug(g.term);
          const isTag = (SUBTYPE_TAGS as readonly string[]).includes(g.term);
          return (
            <article
              key={g.term}
              id={slug}
              className={`card ${anchor === slug ? 'target' : ''}`}
              aria-labelledby={`${slug}-title`}
            >
              <h2 id={`${slug}-title`}>
                <span className="term">{g.term}</span>
                {g.leansTo ? (
                  <KindBadge kind={g.leansTo} />
                ) : (
                  <span className="tag">either kind</span>
                )}
                {isTag ? <span className="tag">sub-type tag</span> : null}
              </h2>
              <p>{g.text}</p>
              <p className="muted small">
                <strong>With your numbers:</strong> {g.measure}
              </p>
            </article>
          );
        })}
      </div>
    </div>
  );
}
