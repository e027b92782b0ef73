import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';
import type { PartnerKind } from '../domain/schemas';
import { formatBytes, type ProgressStep } from './labels';

/** Page title with the screen's main action at the right. */
export function PageHeader(props: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{props.title}</h1>
        {props.subtitle ? <p className="muted">{props.subtitle}</p> : null}
      </div>
      {props.actions ? <div className="page-actions">{props.actions}</div> : null}
    </header>
  );
}

/** What a screen is for and the first thing to do, shown when there is nothing yet. */
export function EmptyState(props: {
  icon: LucideIcon;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const Icon = props.icon;
  return (
    <section className="empty-state" aria-label={props.title}>
      <div className="empty-icon" aria-hidden="true">
        <Icon size={40} strokeWidth={1.5} />
      </div>
      <h2>{props.title}</h2>
      <div className="empty-body">{props.children}</div>
      {props.actions ? <div className="empty-actions">{props.actions}</div> : null}
    </section>
  );
}

export function Card(props: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  labelledBy?: string;
}) {
  const id = useId();
  return (
    <section
      className={`card ${props.className ?? ''}`}
      aria-labelledby={props.title ? id : props.labelledBy}
    >
      {props.title || props.actions ? (
        <div className="card-head">
          {props.title ? <h2 id={id}>{props.title}</h2> : <span />}
          {props.actions}
        </div>
      ) : null}
      {props.children}
    </section>
  );
}

export const KIND_LABEL: Record<PartnerKind, string> = {
  ambassador: 'Brand ambassador',
  affiliate: 'Micro-affiliate',
};

export function KindBadge({ kind }: { kind: PartnerKind }) {
  return <span className={`badge badge-${kind}`}>{KIND_LABEL[kind]}</span>;
}

/** A big number with its label. */
export function Stat(props: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: PartnerKind;
}) {
  return (
    <div className={`stat ${props.tone ? `stat-${props.tone}` : ''}`}>
      <div className="stat-label">{props.label}</div>
      <div className="stat-value">{props.value}</div>
      {props.hint ? <div className="stat-hint">{props.hint}</div> : null}
    </div>
  );
}

/**
 * A modal dialog on the native <dialog>: focus is trapped, Esc closes.
 *
 * A dialog that goes through stages (progress, then a preview, then saving) stays this one
 * element: it passes `stage`, and each new stage moves focus to the title, which names the stage
 * (the controls of the last stage are gone). Opening a new modal <dialog> makes the whole page
 * behind it inert again, which on a long screen is a long task of its own.
 */
export function Dialog(props: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  /** What the dialog shows now; a change moves focus to the title. */
  stage?: string;
  /** The children are the body and footer themselves (DialogBody, DialogFooter). */
  bare?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const { open, onClose, stage } = props;
  useEffect(() => {
    const d = ref.current;
    if (!d || !open) return;
    // Focus goes back where it was (the button that opened the dialog) when it closes.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!d.open) d.showModal();
    return () => {
      if (d.open) d.close();
      if (before?.isConnected) before.focus();
    };
  }, [open]);
  const shownStage = useRef(stage);
  useEffect(() => {
    if (!open || shownStage.current === stage) return;
    shownStage.current = stage;
    titleRef.current?.focus();
  }, [open, stage]);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    const handler = (e: Event) => {
      e.preventDefault();
      onClose();
    };
    d.addEventListener('cancel', handler);
    return () => d.removeEventListener('cancel', handler);
  }, [onClose]);
  return (
    <dialog ref={ref} aria-labelledby={titleId} className={props.wide ? 'dialog wide' : 'dialog'}>
      {open ? (
        <>
          <h2 id={titleId} ref={titleRef} tabIndex={stage === undefined ? undefined : -1}>
            {props.title}
          </h2>
          {props.bare ? props.children : <DialogBody>{props.children}</DialogBody>}
          {props.footer ? <DialogFooter>{props.footer}</DialogFooter> : null}
        </>
      ) : null}
    </dialog>
  );
}

/** A dialog's scrolling content (for a `bare` Dialog). */
export function DialogBody({ children }: { children: ReactNode }) {
  return <div className="dialog-body">{children}</div>;
}

/** A dialog's buttons, kept on screen below the body (for a `bare` Dialog). */
export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className="dialog-footer">{children}</div>;
}

/** Ask before something destructive; or, with `form`, a small form's dialog (Cancel and Save). */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm?: () => void;
  onCancel: () => void;
  danger?: boolean;
  /** The id of the form the action submits (instead of onConfirm). */
  form?: string;
  /** The action cannot run yet (a save is under way); Cancel still can. */
  disabled?: boolean;
}) {
  const { open, title, children, ...buttons } = props;
  return (
    <Dialog
      open={open}
      title={title}
      onClose={props.onCancel}
      footer={<DialogButtons {...buttons} />}
    >
      {children}
    </Dialog>
  );
}

/**
 * A dialog's footer: Cancel, then its one action (red when it destroys). The action either calls
 * `onConfirm` or submits the form `form`.
 */
export function DialogButtons(props: {
  onCancel: () => void;
  confirmLabel: ReactNode;
  onConfirm?: () => void;
  /** The id of the form the action submits (instead of onConfirm). */
  form?: string;
  cancelLabel?: string;
  danger?: boolean;
  /** A save is under way: both buttons wait. */
  busy?: boolean;
  /** The action cannot run yet (nothing to import, say); Cancel still can. */
  disabled?: boolean;
  /** Buttons before Cancel (Delete, Remove). */
  leading?: ReactNode;
  /** Buttons between Cancel and the action (Change columns). */
  extra?: ReactNode;
}) {
  return (
    <>
      {props.leading}
      <button type="button" className="btn" onClick={props.onCancel} disabled={props.busy}>
        {props.cancelLabel ?? 'Cancel'}
      </button>
      {props.extra}
      <button
        type={props.form ? 'submit' : 'button'}
        form={props.form}
        className={props.danger ? 'btn btn-danger' : 'btn btn-primary'}
        disabled={props.busy || props.disabled}
        onClick={props.onConfirm}
      >
        {props.confirmLabel}
      </button>
    </>
  );
}

/**
 * A progress bar with counts in the owner's locale and an optional Cancel button: "Saving orders:
 * 1,200 of 100,000", "Reading file: 0 bytes of 48.3 MB". A step with no count (no `total`, or
 * none to count) shows a moving bar and "Checking orders…", never "0 of 0".
 */
export function Progress(
  props: ProgressStep & {
    locale: string;
    onCancel?: () => void;
  },
) {
  const { label, done = 0, total, unit, locale } = props;
  const counted = total !== undefined && total > 0;
  const amount = (n: number) =>
    unit === 'bytes' ? formatBytes(n, locale) : n.toLocaleString(locale);
  return (
    <div className="progress-wrap">
      <div className="progress-label">
        {counted ? `${label}: ${amount(done)} of ${amount(total)}` : `${label}…`}
      </div>
      {/* Without a value the bar is indeterminate: it shows work going on, not how much. */}
      <progress
        max={counted ? total : undefined}
        value={counted ? Math.min(done, total) : undefined}
        aria-label={label}
      >
        {counted ? `${Math.round((Math.min(done, total) / total) * 100)}%` : null}
      </progress>
      {props.onCancel ? (
        <button type="button" className="btn" onClick={props.onCancel}>
          Cancel
        </button>
      ) : null}
    </div>
  );
}

/** An error that says what happened and what to do. */
export function ErrorPanel(props: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="error-panel" role="alert">
      <strong>{props.title}</strong>
      <div>{props.children}</div>
      {props.actions ? <div className="error-actions">{props.actions}</div> : null}
    </div>
  );
}
