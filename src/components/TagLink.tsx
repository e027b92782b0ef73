import { href } from '../navigation/router';
import { glossarySlug, glossaryTermFor } from '../domain/glossary';

/** A partner tag; when the tag is a glossary term it links to its explanation. */
export function TagLink({ tag }: { tag: string }) {
  const term = glossaryTermFor(tag);
  if (!term) return <span className="tag">{tag}</span>;
  return (
    <a
      className="tag tag-link"
      href={href(`compare/glossary#${glossarySlug(term.term)}`)}
      title={`What is a ${term.term}?`}
    >
      {tag}
    </a>
  );
}
