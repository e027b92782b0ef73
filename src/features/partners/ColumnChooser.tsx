import { useEffect, useRef, useState } from 'react';
import { Columns3 } from 'lucide-react';
import { OPTIONAL_COLUMNS } from './listColumns';
import { DEFAULT_COLUMNS, usePartnersUi, type OptionalColumn } from './store';

/**
 * Which columns the list shows beyond name and revenue, remembered on this computer. A button
 * that shows the choices below it; Escape or a click elsewhere closes them.
 */
export function ColumnChooser() {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  const columns = usePartnersUi((s) => s.columns);
  const setColumns = usePartnersUi((s) => s.setColumns);
  const toggle = (key: OptionalColumn, on: boolean) =>
    setColumns(
      // Kept in display order, whatever order they were ticked in.
      OPTIONAL_COLUMNS.map((c) => c.key).filter((k) => (k === key ? on : columns.includes(k))),
    );
  return (
    <div className="pl-columns" ref={box}>
      <button
        type="button"
        className="btn btn-small"
        aria-expanded={open}
        aria-controls="pl-columns-panel"
        onClick={() => setOpen(!open)}
      >
        <Columns3 size={16} aria-hidden="true" /> Columns
      </button>
      <fieldset className="pl-columns-panel" id="pl-columns-panel" hidden={!open}>
        <legend>Columns shown</legend>
        <p className="muted pl-columns-note">Name and revenue always show.</p>
        {OPTIONAL_COLUMNS.map((c) => (
          <label key={c.key} className="pl-check">
            <input
              type="checkbox"
              aria-label={`${c.longLabel} column`}
              checked={columns.includes(c.key)}
              onChange={(e) => toggle(c.key, e.target.checked)}
            />
            <span>{c.longLabel}</span>
          </label>
        ))}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setColumns([...DEFAULT_COLUMNS])}
        >
          Reset columns
        </button>
      </fieldset>
    </div>
  );
}
