import { ArrowLeftRight } from 'lucide-react';
import { convertedSentence, type ConvertedTotals } from '../domain/currency-totals';

/** A note under figures that include money converted from another currency at import. */
export function ConvertedNote(props: {
  totals: readonly ConvertedTotals[] | undefined;
  locale: string;
  /** What the figures are: "Revenue and spend include". */
  lead: string;
  /** Say how many of the orders each kind's figures hold. */
  byKind?: boolean;
}) {
  const text = convertedSentence(props.totals ?? [], props.locale, props.lead, props.byKind);
  if (text === '') return null;
  return (
    <p className="converted-note" role="note">
      <ArrowLeftRight size={16} aria-hidden="true" />
      <span>{text}</span>
    </p>
  );
}
