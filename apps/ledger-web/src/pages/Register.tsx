import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { answer, api, asForce } from '../api/client';
import { Async, Empty, Tag, statusTone, TableWrap } from '../components/Feedback';
import { PageHeading } from '../components/Layout';
import { useForceName, useForces } from '../components/forces';
import { formatDate, statusName, today } from '../format';

const FILTERS = ['q', 'force', 'region', 'function', 'status', 'asOf'] as const;
const PAGE = 50;

/** The national register: search, filters (force, region, function, status) and "as at" a date; the filters live in the address, so a view can be shared. */
export function RegisterPage() {
  const [params, setParams] = useSearchParams();
  const forces = useForces();
  const forceName = useForceName();
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const offset = Number(params.get('offset') ?? 0);
  const query = { ...(filters.q ? { q: filters.q } : {}), ...(filters.force ? { force: asForce(filters.force) } : {}), ...(filters.region ? { region: filters.region } : {}), ...(filters.function ? { function: filters.function } : {}), ...(filters.status ? { status: filters.status as 'in-force' } : {}), limit: PAGE, offset };
  const register = useQuery({
    queryKey: ['register', query, filters.asOf],
    queryFn: async () => {
      if (filters.asOf) return answer(api.GET('/register/as-at', { params: { query: { ...query, asOf: filters.asOf } } }));
      return answer(api.GET('/register', { params: { query } }));
    },
    placeholderData: keepPreviousData,
  });
  const regions = useMemo(() => [...new Set((forces.data?.items ?? []).map((f) => f.region))].sort(), [forces.data]);

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next.set(name, value);
    }
    setParams(next);
  };

  return (
    <>
      <PageHeading title="National register of collaborations" />
      <form className="filters" onSubmit={apply} role="search" aria-label="Search and filter the register">
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="search" defaultValue={filters.q} placeholder="Name, purpose or function" />
        </div>
        <div className="field">
          <label htmlFor="force">Force</label>
          <select id="force" name="force" defaultValue={filters.force} key={`force-${forces.data ? 1 : 0}`}>
            <option value="">Any force</option>
            {(forces.data?.items ?? []).map((f) => (
              <option key={f.code} value={f.code}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="region">Region</label>
          <select id="region" name="region" defaultValue={filters.region} key={`region-${regions.length}`}>
            <option value="">Any region</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="function">Function</label>
          <input id="function" name="function" defaultValue={filters.function} placeholder="e.g. firearms" />
        </div>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={filters.status}>
            <option value="">Any status</option>
            <option value="proposed">Proposed, awaiting signatures</option>
            <option value="in-force">In force</option>
            <option value="terminated">Terminated</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="asOf">As at</label>
          <input id="asOf" name="asOf" type="date" defaultValue={filters.asOf} max={today()} aria-describedby="asOf-hint" />
          <p className="hint" id="asOf-hint">
            Leave empty for today.
          </p>
        </div>
        <div className="filters-actions">
          <button type="submit" className="button">
            Apply
          </button>
          <Link to="/app/register" className="button button-secondary">
            Clear
          </Link>
        </div>
      </form>
      <Async query={register} label="Loading the register…" height={20}>
        {(data) => (
          <div aria-busy={register.isFetching}>
            <p role="status">
              {data.total} collaboration{data.total === 1 ? '' : 's'}
              {filters.asOf ? ` as the register stood at the end of ${formatDate(filters.asOf)}` : ''}.
            </p>
            {data.items.length === 0 ? (
              <Empty>No collaboration matches. Try fewer filters.</Empty>
            ) : (
              <TableWrap label="Collaborations">
                <table className="table">
                  <caption className="visually-hidden">Collaborations</caption>
                  <thead>
                    <tr>
                      <th scope="col">Collaboration</th>
                      <th scope="col">Parties</th>
                      <th scope="col">Lead force</th>
                      <th scope="col">Functions</th>
                      <th scope="col">Status</th>
                      <th scope="col">In force since</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((c) => (
                      <tr key={c.collaborationId}>
                        <td>
                          <Link to={`/app/collaborations/${c.collaborationId}${filters.asOf ? `?asOf=${filters.asOf}` : ''}`}>{c.name}</Link>
                        </td>
                        <td>
                          {c.parties.map((p, i) => (
                            <span key={p}>
                              {i > 0 && ', '}
                              <Link to={`/app/forces/${p}`}>{forceName(p)}</Link>
                              {c.withdrawnParties.includes(p) && ' (withdrawn)'}
                            </span>
                          ))}
                        </td>
                        <td>{forceName(c.leadForce)}</td>
                        <td>{c.functions.join(', ')}</td>
                        <td>
                          <Tag tone={statusTone(c.status)}>{statusName(c.status)}</Tag>
                        </td>
                        <td>{formatDate(c.cameIntoForceAt as string | null)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            {(offset > 0 || offset + PAGE < data.total) && (
              <nav className="pager" aria-label="Pages of the register">
                {offset > 0 && (
                  <button type="button" className="button button-secondary" onClick={() => setParams((p) => (p.set('offset', String(Math.max(0, offset - PAGE))), p))}>
                    Previous page
                  </button>
                )}
                {offset + PAGE < data.total && (
                  <button type="button" className="button button-secondary" onClick={() => setParams((p) => (p.set('offset', String(offset + PAGE)), p))}>
                    Next page
                  </button>
                )}
              </nav>
            )}
          </div>
        )}
      </Async>
    </>
  );
}
