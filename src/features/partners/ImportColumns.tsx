import { useState } from 'react';
import { Dialog, DialogButtons, KIND_LABEL } from '../../components/ui';
import { PLATFORMS } from '../../domain/constants';
import type { ColumnChoice } from '../../domain/import-mappings';
import { PLATFORM_LABEL } from '../../domain/partners';
import { PARTNER_KINDS, type PartnerKind } from '../../domain/schemas';
import { mappingProblem } from '../../io/partner-columns';
import type { ColumnStep } from './partner-import-protocol';
import type { ColumnChoices } from './usePartnerImport';

/** Our columns in the owner's words, in the order the menu offers them. */
const FIELD_LABEL: [string, string][] = [
  ['name', 'Name'],
  ['email', 'Email'],
  ['kind', 'Kind (ambassador or affiliate)'],
  ['status', 'Status'],
  ['codes', 'Promo codes'],
  ['referral_slug', 'Referral slug'],
  ...PLATFORMS.flatMap((p): [string, string][] => [
    [`${p}_handle`, `${PLATFORM_LABEL[p]} handle`],
    [`${p}_followers`, `${PLATFORM_LABEL[p]} followers`],
    [`${p}_engagement`, `${PLATFORM_LABEL[p]} engagement %`],
  ]),
  ['tags', 'Tags'],
  ['niche', 'Niche'],
  ['city', 'City'],
  ['region', 'Region or state'],
  ['country', 'Country'],
  ['exclusive', 'Promotes only you (yes/no)'],
  ['payout_method', 'Payout method'],
  ['payout_handle', 'PayPal or Venmo account'],
  ['notes', 'Notes'],
  ['contract_start', 'Contract start'],
  ['contract_end', 'Contract end'],
  ['retainer', 'Retainer'],
  ['retainer_period', 'Retainer paid per'],
  ['commission_rate', 'Commission %'],
  ['commission_base', 'Commission on (subtotal or total)'],
  ['commission_on_repeat', 'Commission on repeat orders'],
  ['flat_fee_per_post', 'Fee per post'],
  ['perks_per_month', 'Perks per month'],
  ['deliverables_per_month', 'Posts per month'],
  ['id', 'Pawtners id (from an export)'],
];

/**
 * The column step of the partner import: which column of the owner's file is which field, as
 * guessed (or as set last time for this header), changed with one menu per column.
 */
export function ColumnsDialog(props: {
  fileName: string;
  columns: ColumnStep;
  onCancel: () => void;
  onChoose: (c: ColumnChoices) => void;
}) {
  const { columns } = props;
  const [mapping, setMapping] = useState<ColumnChoice[]>(columns.mapping);
  const [defaultKind, setDefaultKind] = useState<PartnerKind>(columns.defaultKind ?? 'affiliate');
  const [tried, setTried] = useState(false);
  const fieldOf = (column: string) => mapping.find((c) => c.column === column)?.field ?? '';
  const setField = (column: string, field: string) =>
    setMapping((m) => [
      ...m.filter((c) => c.column !== column),
      ...(field ? [{ field, column }] : []),
    ]);
  const problem = mappingProblem(mapping);
  const kindMapped = mapping.some((c) => c.field === 'kind');
  const next = () => {
    setTried(true);
    if (problem) return;
    // In the file's column order, so the remembered mapping reads like the file.
    const ordered = columns.header.flatMap((h) => mapping.filter((c) => c.column === h));
    props.onChoose({ columns, mapping: ordered, defaultKind });
  };
  return (
    <Dialog
      open
      wide
      title="Which column is which?"
      onClose={props.onCancel}
      footer={
        <DialogButtons onCancel={props.onCancel} onConfirm={next} confirmLabel="Preview import" />
      }
    >
      <div className="stack">
        <p>
          <strong>{props.fileName}</strong>:{' '}
          {columns.remembered
            ? 'set as you chose last time for a file with these columns.'
            : 'Pawtners guessed what each column holds. Check the guesses; columns set to “Not imported” are left out.'}
        </p>
        <div className="pi-preview">
          <table className="table" aria-label="Columns of the file">
            <thead>
              <tr>
                <th scope="col">Column in your file</th>
                <th scope="col">Examples</th>
                <th scope="col">Imports as</th>
              </tr>
            </thead>
            <tbody>
              {columns.header.map((h, j) => (
                <tr key={`${j}-${h}`}>
                  <th scope="row">{h || `(column ${j + 1} has no name)`}</th>
                  <td className="muted">{columns.examples[j]?.join(' · ') || '—'}</td>
                  <td>
                    <select
                      aria-label={`Imports “${h}” as`}
                      value={fieldOf(h)}
                      onChange={(e) => setField(h, e.target.value)}
                    >
                      <option value="">Not imported</option>
                      {FIELD_LABEL.map(([f, label]) => (
                        <option key={f} value={f}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {kindMapped ? null : (
          <label className="pl-inline">
            <span>The file has no kind: import everyone as</span>
            <select
              aria-label="Kind of everyone in the file"
              value={defaultKind}
              onChange={(e) => setDefaultKind(e.target.value as PartnerKind)}
            >
              {PARTNER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}s
                </option>
              ))}
            </select>
          </label>
        )}
        {tried && problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
      </div>
    </Dialog>
  );
}
