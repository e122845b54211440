import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { explain } from '../problem';

/** A problem in words, with what to do: reload for a conflict, sign in again for a lapsed sign-in. */
export function ProblemMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const explained = explain(error);
  const location = useLocation();
  return (
    <div className="problem" role="alert">
      <h2 className="problem-title">{explained.title}</h2>
      <p>{explained.message}</p>
      {explained.fields.length > 0 && (
        <ul>
          {explained.fields.map((f) => (
            <li key={f.field}>
              <strong>{f.field}</strong>: {f.problems.join(', ')}
            </li>
          ))}
        </ul>
      )}
      <p className="problem-actions">
        {explained.conflict && (
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        )}
        {explained.signIn && (
          <Link className="button" to={`/app/sign-in?returnTo=${encodeURIComponent(location.pathname + location.search)}`}>
            Sign in again
          </Link>
        )}
        {onRetry && !explained.conflict && !explained.signIn && (
          <button type="button" className="button button-secondary" onClick={onRetry}>
            Try again
          </button>
        )}
      </p>
      <p className="problem-code">Reference: {explained.code}</p>
    </div>
  );
}

/** A section that is loading: announced politely, and as tall as what it will show (no layout shift). */
export function Loading({ label, height = 8 }: { label: string; height?: number }) {
  return (
    <div className="loading" role="status" aria-live="polite" style={{ minHeight: `${height}rem` }}>
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** Loading, problem or content, for a query. */
export function Async<T>({ query, label, height, children }: { query: { data?: T; error: unknown; isPending: boolean; refetch: () => unknown }; label: string; height?: number; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading label={label} height={height} />;
  if (query.error) return <ProblemMessage error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data as T)}</>;
}

export function Tag({ children, tone = 'grey' }: { children: ReactNode; tone?: 'grey' | 'green' | 'blue' | 'red' | 'yellow' | 'purple' }) {
  return <strong className={`tag tag-${tone}`}>{children}</strong>;
}

export const statusTone = (status: string): 'grey' | 'green' | 'blue' | 'red' | 'yellow' | 'purple' =>
  ({ 'in-force': 'green', proposed: 'blue', terminated: 'grey', open: 'blue', taken: 'green', rejected: 'red', 'taken-under-urgency': 'yellow', ratified: 'green', rescinded: 'red', closed: 'grey', 'closure-proposed': 'purple' })[status] as never ?? 'grey';

/** A table that may be wider than the screen: it scrolls sideways in its own box, which keyboard users can focus and scroll. */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

type QueryLike<T> = { data?: T; error: unknown; isPending: boolean; refetch: () => unknown };
/** Several queries as one: shown together once all have answered, so no section moves another as it loads. */
export function allOf<A, B, C>(a: QueryLike<A>, b: QueryLike<B>, c: QueryLike<C>): QueryLike<[A, B, C]> {
  const queries = [a, b, c];
  return {
    data: queries.every((q) => q.data !== undefined) ? [a.data as A, b.data as B, c.data as C] : undefined,
    error: queries.find((q) => q.error)?.error ?? null,
    isPending: queries.some((q) => q.isPending),
    refetch: () => queries.forEach((q) => q.error && q.refetch()),
  };
}
