import { Component, type ReactNode } from 'react';
import { ErrorPanel } from './ui';

export interface ErrorBoundaryProps {
  /** What failed, as the owner knows it: "The Partners screen", "Your brand settings". */
  what: string;
  children: ReactNode;
  /** Where Settings > Backups is (export, import, undo): offered as the way out. */
  backupsHref?: string;
  /** A change of this value (the route, say) clears the failure and tries again. */
  resetKey?: unknown;
}

interface State {
  error: Error | null;
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

/**
 * Keeps a failing part of the window from blanking the whole app: it shows what failed and the
 * way to Settings > Backups instead. React unmounts everything below the nearest boundary when a
 * render throws (and logs the error to the console), so each screen, and each part of Settings,
 * has its own.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: asError(error) };
  }

  override componentDidUpdate(prev: ErrorBoundaryProps): void {
    if (this.state.error && !Object.is(prev.resetKey, this.props.resetKey))
      this.setState({ error: null });
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { what, backupsHref } = this.props;
    return (
      <ErrorPanel
        title={`${what} could not be shown`}
        actions={
          <div className="row">
            {backupsHref ? (
              <a className="btn btn-primary" href={backupsHref}>
                Go to Settings &gt; Backups
              </a>
            ) : null}
            <button type="button" className="btn" onClick={() => this.setState({ error: null })}>
              Try again
            </button>
          </div>
        }
      >
        <p>
          It stopped with: <code>{error.message || error.name}</code>
        </p>
        <p>
          Nothing was changed. Settings &gt; Backups still works whatever the data holds: export a
          backup, import one, or undo the last import.
        </p>
      </ErrorPanel>
    );
  }
}
