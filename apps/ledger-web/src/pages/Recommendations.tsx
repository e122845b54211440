import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { answer, api, asForce, command, ifMatch } from '../api/client';
import { can, useSession } from '../auth/session';
import { CommandForm, Field, text } from '../components/Command';
import { Async, Empty, Tag, statusTone, TableWrap } from '../components/Feedback';
import { PageHeading } from '../components/Layout';
import { useForceName, useForces } from '../components/forces';
import { formatDate, humanise, statusName } from '../format';

/** The recommendations tracker: open, overdue, slipped and closed, by force. */
export function RecommendationsPage() {
  const [params, setParams] = useSearchParams();
  const forces = useForces();
  const forceName = useForceName();
  const status = params.get('status') ?? '';
  const force = params.get('force') ?? '';
  const tracker = useQuery({
    queryKey: ['tracker', status, force],
    queryFn: () => answer(api.GET('/recommendations-tracker', { params: { query: { limit: 200, ...(status ? { status: status as 'open' } : {}), ...(force ? { force: asForce(force) } : {}) } } })),
  });
  const set = (name: string, value: string) =>
    setParams((p) => {
      if (value) p.set(name, value);
      else p.delete(name);
      return p;
    });
  return (
    <>
      <PageHeading title="Recommendations tracker" />
      <p className="definition">Overdue: not closed and past its due date. Slipped: its due date was moved later at least once (each slip is kept).</p>
      <div className="filters">
        <div className="field">
          <label htmlFor="rec-status">Status</label>
          <select id="rec-status" value={status} onChange={(e) => set('status', e.target.value)}>
            <option value="">Any</option>
            <option value="open">Open</option>
            <option value="overdue">Overdue</option>
            <option value="closure-proposed">Closure proposed</option>
            <option value="closed">Closed</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="rec-force">Addressed to</label>
          <select id="rec-force" value={force} onChange={(e) => set('force', e.target.value)}>
            <option value="">Any force</option>
            {(forces.data?.items ?? []).map((f) => (
              <option key={f.code} value={f.code}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Async query={tracker} label="Loading the recommendations…" height={12}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>No recommendation matches.</Empty>
          ) : (
            <TableWrap label="Recommendations">
              <table className="table">
                <caption className="visually-hidden">Recommendations</caption>
                <thead>
                  <tr>
                    <th scope="col">Recommendation</th>
                    <th scope="col">Addressed to</th>
                    <th scope="col">Due</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((r) => (
                    <tr key={r.recommendationId}>
                      <td>
                        <Link to={`/app/recommendations/${r.recommendationId}`}>{r.text.length > 120 ? `${r.text.slice(0, 118)}…` : r.text}</Link>
                        <div className="muted">
                          {humanise(r.kind)} · {r.reference}
                        </div>
                      </td>
                      <td>{forceName(r.addressedTo)}</td>
                      <td>
                        {formatDate(r.dueDate)}
                        {r.slipped && <div className="muted">originally {formatDate(r.originalDueDate)}; slipped {r.slips} time(s)</div>}
                      </td>
                      <td>
                        <Tag tone={statusTone(r.status)}>{statusName(r.status)}</Tag> {r.overdue && <Tag tone="red">Overdue</Tag>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Async>
    </>
  );
}

/** One recommendation: its history, and the acts open to the signed-in person. */
export function RecommendationPage() {
  const { recommendationId = '' } = useParams();
  const session = useSession();
  const forceName = useForceName();
  const recommendation = useQuery({ queryKey: ['recommendation', recommendationId], queryFn: () => answer(api.GET('/recommendations/{recommendationId}', { params: { path: { recommendationId } } })) });
  return (
    <Async query={recommendation} label="Loading the recommendation…" height={16}>
      {(r) => (
        <>
          <PageHeading title={`${humanise(r.kind)} to ${forceName(r.addressedTo)}`} caption="Recommendation">
            <p>
              <Tag tone={statusTone(r.status)}>{statusName(r.status)}</Tag> <Link to="/app/recommendations">All recommendations</Link>
            </p>
          </PageHeading>
          <div className="two-columns">
            <div className="column-main">
              <blockquote className="quote">{r.text}</blockquote>
              <dl className="summary">
                <dt>Source</dt>
                <dd>
                  {humanise(r.source)}: {r.reference}
                </dd>
                <dt>Owner</dt>
                <dd>{r.owner.name}</dd>
                <dt>Due</dt>
                <dd>
                  {formatDate(r.dueDate)}
                  {r.dueDateRevisions.length > 0 && ` (revised ${r.dueDateRevisions.length} time(s): ${r.dueDateRevisions.map((d) => `${formatDate(d.from)} → ${formatDate(d.to)}, ${d.reason}`).join('; ')})`}
                </dd>
                {r.policingBodyResponse && (
                  <>
                    <dt>Policing body’s response</dt>
                    <dd>{r.policingBodyResponse.response}</dd>
                  </>
                )}
              </dl>
              <h2 className="heading-m">Progress</h2>
              {r.progress.length === 0 ? (
                <Empty>No progress reported yet.</Empty>
              ) : (
                <ul>
                  {r.progress.map((p) => (
                    <li key={p.at}>
                      {formatDate(p.at)}, {p.by.name}: {p.note}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <aside className="column-side" aria-labelledby="rec-actions">
              <h2 id="rec-actions" className="heading-m">
                What you can do
              </h2>
              {can.reportProgress(session) && r.status !== 'closed' ? (
                <CommandForm
                  legend="Report progress"
                  submit="Report progress"
                  done="Progress reported."
                  send={(form) => command(api.POST('/recommendations/{recommendationId}/progress', { params: { path: { recommendationId } }, body: { note: text(form, 'note') }, headers: ifMatch(r.version) }))}
                >
                  <Field name="note" label="Progress" type="textarea" required />
                </CommandForm>
              ) : can.decideClosure(session) && r.status === 'closure-proposed' ? (
                <CommandForm
                  legend="Accept the closure"
                  submit="Accept the closure"
                  done="Closure accepted."
                  send={(form) => command(api.POST('/recommendations/{recommendationId}/closure-acceptances', { params: { path: { recommendationId } }, body: { note: text(form, 'note') }, headers: ifMatch(r.version) }))}
                >
                  <Field name="note" label="Note" type="textarea" required />
                </CommandForm>
              ) : (
                <p>Nothing for you to do on this recommendation now.</p>
              )}
            </aside>
          </div>
        </>
      )}
    </Async>
  );
}
