import { useId, useState, type ReactNode } from 'react';
import { type Loadable, useMessages } from '@lodestar/ui-shared';
import { Spinner } from '../app/Spinner';
import { DASHBOARD_MESSAGES } from './messages';

interface ChartCardProps<T> {
  /** `data-testid="chart-<name>"`. */
  name: string;
  title: string;
  hint?: string;
  state: Loadable<T>;
  retry(): void;
  isEmpty(data: T): boolean;
  chart(data: T): ReactNode;
  /**
   * The same figures as a table: shown on demand, otherwise visually hidden (screen readers and tests read it).
   * Absent when the chart is a table already.
   */
  table?: (data: T) => ReactNode;
  wide?: boolean;
  /** What an empty result says (default: nothing in this period). */
  emptyText?: string;
}

/** A dashboard card: heading, then loading, error, empty, or the chart with its data table. */
export function ChartCard<T>({
  name,
  title,
  hint,
  state,
  retry,
  isEmpty,
  chart,
  table,
  wide = false,
  emptyText,
}: ChartCardProps<T>) {
  const t = useMessages(DASHBOARD_MESSAGES);
  const [showTable, setShowTable] = useState(false);
  const headingId = useId();
  const ready = state.status === 'ready' && !isEmpty(state.data);
  return (
    <section
      className={`chart-card${wide ? ' is-wide' : ''}`}
      data-testid={`chart-${name}`}
      data-status={state.status}
      aria-labelledby={headingId}
    >
      <header className="chart-card-header">
        <div>
          <h2 id={headingId}>{title}</h2>
          {hint && <p className="chart-card-hint">{hint}</p>}
        </div>
        {ready && table && (
          <button
            type="button"
            className="chart-table-toggle"
            aria-pressed={showTable}
            onClick={() => setShowTable((s) => !s)}
          >
            {showTable ? t.hideTable : t.showTable}
          </button>
        )}
      </header>
      {state.status === 'loading' && <Spinner label={t.loading} />}
      {state.status === 'error' && (
        <div className="chart-card-state chart-card-error" role="alert">
          <span>
            {t.failed}: {state.error.message}
          </span>
          <button type="button" className="chart-table-toggle" onClick={retry}>
            {t.retry}
          </button>
        </div>
      )}
      {state.status === 'ready' && isEmpty(state.data) && <p className="chart-card-state">{emptyText ?? t.empty}</p>}
      {ready && (
        <>
          {chart(state.data)}
          {table && (
            <div className={showTable ? 'chart-table' : 'chart-table visually-hidden'}>{table(state.data)}</div>
          )}
        </>
      )}
    </section>
  );
}
