import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { answer, api, asForce, command, ifMatch } from '../api/client';
import { can, useSession } from '../auth/session';
import { CommandForm, Field, text } from '../components/Command';
import { Async, Empty, Tag, statusTone, TableWrap } from '../components/Feedback';
import { PageHeading } from '../components/Layout';
import { useAddresseeName, useForces } from '../components/forces';
import type { Schemas } from '../api/client';
import { formatDate, humanise, statusName } from '../format';

/** The recommendations tracker: open, overdue, slipped and closed, by force. */
export function RecommendationsPage() {
  const [params, setParams] = useSearchParams();
  const forces = useForces();
  const addresseeName = useAddresseeName();
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
      <p className="definition">
        Overdue: not closed and past its due date. Slipped: its due date was moved later at least once (each slip is kept). Response: for an inspection report addressed to a force and published on or after 2 May
        2017, the policing body publishes its response, with the chief officer’s comments, within 56 days beginning with the day the report was published (Police Act 1996 s55(5A)); a late response is recorded and
        marked late.
      </p>
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
                    <th scope="col">Policing body’s response (s55)</th>
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
                      <td>
                        {addresseeName(r.addressedTo)}
                        {r.addresseeKind === 'national-body' && <div className="muted">National body</div>}
                      </td>
                      <td>
                        {formatDate(r.dueDate)}
                        {r.slipped && <div className="muted">originally {formatDate(r.originalDueDate)}; slipped {r.slips} time(s)</div>}
                      </td>
                      <td>
                        <ResponseDeadline r={r} />
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

type Track = Schemas['RecommendationTrackView'];

/** The s55(5A) deadline for the policing body's response and whether it was met, as the tracker gives them. */
function ResponseDeadline({ r }: { r: Track }) {
  if (r.addresseeKind === 'national-body') return <span className="muted">None: a national body has no local policing body to respond</span>;
  return (
    <>
      {r.responseDeadline ? <div>Due by {formatDate(r.responseDeadline)}</div> : <div className="muted">{noDeadline(r.source, r.reportPublishedOn)}</div>}
      {r.responsePublishedAt ? (
        <div>
          Published {formatDate(r.responsePublishedAt)} {r.responseLate && <Tag tone="red">Late</Tag>}
          {r.responseLate === false && r.responseDeadline && <Tag tone="green">On time</Tag>}
        </div>
      ) : (
        r.responseOverdue && <Tag tone="red">Response overdue</Tag>
      )}
    </>
  );
}

/** Why no statutory deadline is shown. */
function noDeadline(source: string, reportPublishedOn: string | null | undefined) {
  if (source !== 'inspection-report') return 'No statutory deadline: not an inspection report';
  if (!reportPublishedOn) return 'No deadline: the report’s publication date is not recorded';
  return 'No statutory deadline: report published before 2 May 2017';
}

/** One recommendation: its history, and the acts open to the signed-in person. */
export function RecommendationPage() {
  const { recommendationId = '' } = useParams();
  const session = useSession();
  const addresseeName = useAddresseeName();
  const recommendation = useQuery({ queryKey: ['recommendation', recommendationId], queryFn: () => answer(api.GET('/recommendations/{recommendationId}', { params: { path: { recommendationId } } })) });
  return (
    <Async query={recommendation} label="Loading the recommendation…" height={16}>
      {(r) => (
        <>
          <PageHeading title={`${humanise(r.kind)} to ${addresseeName(r.addressedTo)}`} caption="Recommendation">
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
                <dt>Addressed to</dt>
                <dd>
                  {addresseeName(r.addressedTo)}
                  {r.addresseeKind === 'national-body' ? ' (a national body: its record is kept by the registrar)' : ''}
                </dd>
                <dt>Report published</dt>
                <dd>{r.reportPublishedOn ? formatDate(r.reportPublishedOn) : 'Not recorded'}</dd>
                {r.addresseeKind !== 'national-body' && (
                  <>
                    <dt>Response due (s55(5A))</dt>
                    <dd>{r.responseDeadline ? formatDate(r.responseDeadline) : noDeadline(r.source, r.reportPublishedOn)}</dd>
                  </>
                )}
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
                    <dd>
                      {r.policingBodyResponse.response}
                      <div className="muted">
                        Published {formatDate(r.policingBodyResponse.at)} by {r.policingBodyResponse.by.name}
                        {r.policingBodyResponse.deadline ? `; due by ${formatDate(r.policingBodyResponse.deadline)}` : ''}
                      </div>
                      {r.policingBodyResponse.late && <Tag tone="red">Published late</Tag>}
                    </dd>
                    <dt>Chief officer’s comments</dt>
                    <dd>{r.policingBodyResponse.chiefOfficerComments ?? <span className="muted">None recorded with the response</span>}</dd>
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
