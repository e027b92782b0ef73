import { useState } from 'react';
import { progressStep } from '../../components/labels';
import {
  Dialog,
  DialogBody,
  DialogButtons,
  DialogFooter,
  ErrorPanel,
  Progress,
  Stat,
} from '../../components/ui';
import { useSettings } from '../../hooks/data';
import { safeLocale } from '../../domain/intl';
import { findImportMapping, normalizeImportMappings } from '../../domain/import-mappings';
import type { EntryList, PlanEntry, PlanSummary } from '../../domain/import-plan';
import { conversionWords, formatMoney } from '../../domain/money';
import { readRate } from '../../io/amounts';
import { MAPPABLE_FIELDS } from '../../io/orders-common';
import type { Order } from '../../domain/schemas';
import { guessMapping, mappingFromChoices, mappingProblems } from '../../io/orders-mapped';
import { SAVING } from './import-protocol';
import type { useOrderImport } from './useOrderImport';

type Flow = ReturnType<typeof useOrderImport>;

/**
 * Everything the import shows between picking a file and writing: progress, mapping, preview,
 * saving. It is one modal <dialog> from the first progress to the end: its title names the stage
 * (and so the dialog's accessible name), and a new stage moves focus to it. Two dialogs taking
 * turns made the browser mark the long Sales page inert again at each turn (showModal), the
 * longest task of a 100,000-row import.
 */
export function ImportDialog({ flow }: { flow: Flow }) {
  const { state, cancel } = flow;
  const locale = safeLocale(useSettings().locale);
  if (state.step === 'idle') return null;
  return (
    <Dialog open bare wide title={stageTitle(state)} stage={state.step} onClose={cancel}>
      {state.step === 'working' ? (
        <DialogBody>
          <Progress {...progressStep(state)} locale={locale} onCancel={cancel} />
          <p className="muted">
            {state.label === SAVING
              ? 'Saving all or nothing: if you cancel now, no order is imported.'
              : 'You can keep working; nothing is saved until you confirm the preview.'}
          </p>
        </DialogBody>
      ) : state.step === 'failed' ? (
        <FailedStep fileName={state.fileName} messages={state.messages} onClose={cancel} />
      ) : state.step === 'mapping' ? (
        <MappingStep flow={flow} key={state.fileName} />
      ) : (
        <PreviewStep flow={flow} locale={locale} />
      )}
    </Dialog>
  );
}

/** The dialog's title at each stage, which is also its accessible name. */
function stageTitle(state: Exclude<Flow['state'], { step: 'idle' }>): string {
  switch (state.step) {
    case 'working':
      return `Importing ${state.fileName}`;
    case 'failed':
      return 'The file could not be imported';
    case 'mapping':
      return 'Match the columns of your file';
    case 'preview':
      return `Preview: ${state.fileName}`;
  }
}

function FailedStep(props: { fileName: string; messages: string[]; onClose: () => void }) {
  return (
    <>
      <DialogBody>
        <ErrorPanel title={props.fileName}>
          <ul>
            {props.messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </ErrorPanel>
        <p className="muted">Nothing was written. Fix the file (or export it again) and retry.</p>
      </DialogBody>
      <DialogFooter>
        <button type="button" className="btn btn-primary" onClick={props.onClose}>
          Close
        </button>
      </DialogFooter>
    </>
  );
}

function MappingStep({ flow }: { flow: Flow }) {
  const settings = useSettings();
  const state = flow.state as Extract<Flow['state'], { step: 'mapping' }>;
  // Source names are the owner's words: kept in a list, looked up by value, never used as keys.
  const remembered = normalizeImportMappings(settings.importMappings);
  const known = remembered.map((m) => m.source);
  const savedFor = (name: string) => {
    const saved = findImportMapping(remembered, name);
    return saved ? mappingFromChoices(saved) : undefined;
  };
  const [source, setSource] = useState(known[0] ?? 'woocommerce');
  const [mapping, setMapping] = useState<Record<string, string>>(
    () => savedFor(source) ?? guessMapping(state.header),
  );
  const [errors, setErrors] = useState<string[]>([]);
  const changeSource = (s: string) => {
    setSource(s);
    const saved = savedFor(s.trim().toLowerCase());
    if (saved) setMapping(saved);
  };
  const submit = () => {
    const name = source.trim().toLowerCase();
    const problems = mappingProblems(mapping, state.header);
    if (!/^[a-z0-9][a-z0-9 _-]{0,39}$/.test(name))
      problems.unshift('Name the source with letters, digits or dashes (e.g. woocommerce).');
    setErrors(problems);
    if (problems.length === 0) void flow.mapColumns({ source: name, columns: mapping });
  };
  return (
    <>
      <DialogBody>
        <p>
          <strong>{state.fileName}</strong> is not a Shopify or Etsy export. Tell Pawtners which
          column holds what; the choice is remembered for this source.
        </p>
        {errors.length > 0 ? (
          <ErrorPanel title="Some columns still need a choice">
            <ul>
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </ErrorPanel>
        ) : null}
        <div className="field">
          <label htmlFor="map-source">Source name</label>
          <input
            id="map-source"
            list="map-sources"
            value={source}
            onChange={(e) => changeSource(e.target.value)}
          />
          <datalist id="map-sources">
            {[...new Set(['woocommerce', 'squarespace', 'wix', ...known])].map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </div>
        <div className="sales-mapping">
          {MAPPABLE_FIELDS.map((f) => {
            const col = mapping[f.key] ?? '';
            const example = col ? state.sample.map((r) => r[col]).find((v) => v) : undefined;
            return (
              <div className="field" key={f.key}>
                <label htmlFor={`map-${f.key}`}>
                  {f.label}
                  {f.required ? ' (required)' : ''}
                </label>
                <select
                  id={`map-${f.key}`}
                  value={col}
                  onChange={(e) => setMapping({ ...mapping, [f.key]: e.target.value })}
                >
                  <option value="">(not in this file)</option>
                  {state.header.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
                <div className="hint">{example ? `e.g. ${example.slice(0, 40)}` : ' '}</div>
              </div>
            );
          })}
        </div>
      </DialogBody>
      <DialogFooter>
        <DialogButtons
          onCancel={flow.cancel}
          onConfirm={submit}
          confirmLabel="Continue to preview"
        />
      </DialogFooter>
    </>
  );
}

function PreviewStep({ flow, locale }: { flow: Flow; locale: string }) {
  const settings = useSettings();
  const state = flow.state as Extract<Flow['state'], { step: 'preview' }>;
  const { plan } = state;
  const [busy, setBusy] = useState(false);
  const money = (c: number, cur: string) => formatMoney(c, cur, settings.locale);
  const num = (x: number) => x.toLocaleString(locale);
  const plural = (x: number, word: string) => pluralIn(locale, x, word);
  const { changed, unattributed, fresh } = plan;
  const n = plan.toWrite;
  const confirm = async () => {
    setBusy(true);
    await flow.confirm();
    setBusy(false);
  };
  return (
    <>
      <DialogBody>
        <p className="muted">
          {state.formatLabel}: {plural(state.rowCount, 'row')} read. Nothing is saved until you
          confirm.
        </p>
        <div className="sales-preview-stats" aria-label="Import summary">
          <Stat label="New" value={num(plan.counts.new)} />
          <Stat label="Already imported" value={num(plan.counts.unchanged)} />
          <Stat
            label="Changed"
            value={num(plan.counts.changed)}
            hint={changedHint(plan.counts, locale)}
          />
          <Stat label="Unattributed" value={num(plan.counts.unattributed)} />
          <Stat label="Rows with errors" value={num(plan.counts.errors)} />
        </div>
        {plan.problems.total > 0 ? (
          <ErrorPanel title={`${plural(plan.problems.total, 'row')} will be skipped`}>
            <ul className="sales-problems">
              {plan.problems.items.map((p) => (
                <li key={`${p.line}-${p.message}`}>{p.message}</li>
              ))}
            </ul>
          </ErrorPanel>
        ) : null}
        <CurrencyChoice
          key={JSON.stringify(state.conversions)}
          flow={flow}
          brand={settings.currency}
          locale={locale}
        />
        {plan.warnings.total > 0 ? (
          <section className="sales-warnings" aria-label="Worth checking">
            <h3>Worth checking ({plural(plan.warnings.total, 'line')})</h3>
            <ul className="sales-problems">
              {plan.warnings.items.map((p) => (
                <li key={`${p.line}-${p.message}`}>{p.message}</li>
              ))}
            </ul>
          </section>
        ) : null}
        <PreviewList
          title="Changed since the last import"
          locale={locale}
          entries={changed}
          render={(e) => e.changes.join('; ')}
        />
        <PreviewList
          title="Not credited to a partner"
          locale={locale}
          entries={unattributed}
          render={(e) =>
            e.review ??
            (e.order.codes.length > 0
              ? `Codes: ${e.order.codes.join(', ')}`
              : 'No code or referral') + labelsText(e)
          }
        />
        <PreviewList
          title="New orders"
          locale={locale}
          entries={fresh}
          render={(e) =>
            `${money(e.order.totalCents, e.order.currency)}${fxText(e.order, money)} · ${e.order.status}${e.order.attribution ? ` · ${e.order.attribution.reason}` : ''}${labelsText(e)}`
          }
        />
      </DialogBody>
      <DialogFooter>
        <DialogButtons
          onCancel={flow.cancel}
          onConfirm={() => void confirm()}
          disabled={busy || n === 0}
          confirmLabel={n === 0 ? 'Nothing to import' : `Import ${plural(n, 'order')}`}
        />
      </DialogFooter>
    </>
  );
}

/**
 * Orders in another currency than the brand's: the preview says so, and the owner chooses for
 * each currency to keep it apart (totals per currency) or convert it at a rate they enter (stored
 * on each converted order and shown beside its amounts). A choice re-reads the file.
 */
function CurrencyChoice(props: { flow: Flow; brand: string; locale: string }) {
  const state = props.flow.state as Extract<Flow['state'], { step: 'preview' }>;
  const applied = new Map(state.conversions.map((c) => [c.from, c.rate]));
  const counts = state.plan.currencies.filter((c) => c.currency !== props.brand);
  const currencies = [...new Set([...counts.map((c) => c.currency), ...applied.keys()])];
  /** "12 orders in GBP, 3 orders in EUR". */
  const inOther = counts
    .map((c) => `${pluralIn(props.locale, c.orders, 'order')} in ${c.currency}`)
    .join(', ');
  const [rates, setRates] = useState<Record<string, string>>(() => Object.fromEntries(applied));
  const [convert, setConvert] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(currencies.map((c) => [c, applied.has(c)])),
  );
  const [error, setError] = useState<string | null>(null);
  if (currencies.length === 0) return null;
  const apply = () => {
    const chosen = currencies.filter((c) => convert[c]);
    const bad = chosen.find((c) => readRate(rates[c] ?? '') === null);
    if (bad) {
      setError(`Enter the rate for ${bad} as a number more than 0, like 1.27.`);
      return;
    }
    setError(null);
    void props.flow.convert(chosen.map((c) => ({ from: c, rate: rates[c]!.trim() })));
  };
  return (
    <section className="sales-warnings" aria-label="Currencies">
      <h3>Not in your brand&apos;s currency ({props.brand})</h3>
      {counts.length > 0 ? (
        <p>
          {inOther}. Kept apart, Sales totals show each currency on its own line and never add them
          together.
        </p>
      ) : null}
      {[...applied].map(([from, rate]) => (
        <p key={from}>
          Orders in {from} {conversionWords({ from, rate }, props.brand)} (the rate is stored with
          each order and shown beside its amounts).
        </p>
      ))}
      {currencies.map((c) => (
        <fieldset key={c} className="sales-fx">
          <legend>Orders in {c}</legend>
          <label>
            <input
              type="radio"
              name={`fx-${c}`}
              checked={!convert[c]}
              onChange={() => setConvert({ ...convert, [c]: false })}
            />{' '}
            Keep apart in {c}
          </label>
          <label>
            <input
              type="radio"
              name={`fx-${c}`}
              checked={convert[c] === true}
              onChange={() => setConvert({ ...convert, [c]: true })}
            />{' '}
            Convert to {props.brand} at a rate
          </label>
          {convert[c] ? (
            <span className="field">
              <label htmlFor={`fx-rate-${c}`}>
                {props.brand} for 1 {c}
              </label>
              <input
                id={`fx-rate-${c}`}
                inputMode="decimal"
                value={rates[c] ?? ''}
                onChange={(e) => setRates({ ...rates, [c]: e.target.value })}
              />
            </span>
          ) : null}
        </fieldset>
      ))}
      {error ? (
        <p role="alert" className="sales-fx-error">
          {error}
        </p>
      ) : null}
      <button type="button" className="btn btn-small" onClick={apply}>
        Update the preview
      </button>
    </section>
  );
}

/** "1 row", "2 rows", "1,200 rows" ("1.200 rows" in German). */
function pluralIn(locale: string, n: number, word: string): string {
  return `${n.toLocaleString(locale)} ${word}${n === 1 ? '' : 's'}`;
}

/** What the changed orders changed in ("2 refunds, 1 status"), or nothing when none changed. */
function changedHint(counts: PlanSummary['counts'], locale: string): string | undefined {
  if (counts.changed === 0) return undefined;
  const by = counts.changedBy;
  const plural = (n: number, word: string) => pluralIn(locale, n, word);
  const parts = [
    by.refund > 0 ? plural(by.refund, 'refund') : '',
    by.status > 0 ? plural(by.status, 'status change') : '',
    by.partner > 0 ? plural(by.partner, 'partner credit') : '',
    by.amounts > 0 ? plural(by.amounts, 'amount change') : '',
    by.other > 0 ? plural(by.other, 'other change') : '',
  ];
  return parts.filter((p) => p !== '').join(' · ');
}

/** Where a converted amount came from (" (€28.00, converted at 1 EUR = 1.08 USD)"), or nothing. */
function fxText(o: Order, money: (c: number, cur: string) => string): string {
  return o.fx
    ? ` (${money(o.fx.totalCents, o.fx.from)}, ${conversionWords(o.fx, o.currency)})`
    : '';
}

/** Discounts that are not codes, shown apart ("· discount without a code: Seller discount"). */
function labelsText(e: PlanEntry): string {
  const l = e.order.discountLabels ?? [];
  return l.length === 0 ? '' : ` · discount without a code: ${l.join(', ')}`;
}

/**
 * One list of the preview, up to PREVIEW_LIMIT entries. A long list starts closed and its items
 * are only made when it is opened: 600 list items made at once were a long task of their own
 * when the preview of a large file appeared.
 */
function PreviewList(props: {
  title: string;
  locale: string;
  entries: EntryList;
  render: (e: PlanEntry) => string;
}) {
  const { total, entries } = props.entries;
  const [open, setOpen] = useState(total <= 20);
  if (total === 0) return null;
  return (
    <details
      className="sales-preview-list"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        {props.title} ({total.toLocaleString(props.locale)})
      </summary>
      {open ? (
        <ul>
          {entries.map((e) => (
            <li key={e.order.id}>
              <strong>{e.order.orderId}</strong> <span className="muted">(line {e.line})</span>:{' '}
              {props.render(e)}
            </li>
          ))}
          {total > entries.length ? (
            <li className="muted">
              … and {(total - entries.length).toLocaleString(props.locale)} more
            </li>
          ) : null}
        </ul>
      ) : null}
    </details>
  );
}
