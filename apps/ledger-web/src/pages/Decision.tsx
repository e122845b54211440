import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { answer, api, command, ifMatch } from '../api/client';
import { can, useSession } from '../auth/session';
import { CommandButton, CommandForm, Field, text } from '../components/Command';
import { Async, Tag, statusTone } from '../components/Feedback';
import { PageHeading } from '../components/Layout';
import { useForceName } from '../components/forces';
import { OFFICE_NAMES, formatDate, formatMoney, formatNumber, humanise, statusName } from '../format';
import { ruleText } from './collaboration/AgreedTerms';

/** What approval a decision needed, in words (the API's `basis`). */
const BASIS_NAMES: Record<string, string> = {
  'lead-force-alone': 'the lead force alone',
  'all-chief-officers': 'every chief officer',
  'all-chief-officers-and-policing-bodies': 'every chief officer and policing body',
};

/** One decision (GET /decisions/{id}): the approvals it needs and has, and the acts open to the signed-in person. */
export function DecisionPage() {
  const { decisionId = '' } = useParams();
  const session = useSession();
  const forceName = useForceName();
  const decision = useQuery({ queryKey: ['decision', decisionId], queryFn: () => answer(api.GET('/decisions/{decisionId}', { params: { path: { decisionId } } })) });
  return (
    <Async query={decision} label="Loading the decision…" height={16}>
      {(d) => {
        const me = session?.principal;
        const mine = (a: { party: string; role: string }) => !!me && a.party === me.force && a.role === me.role;
        const needsMe = d.status === 'open' && d.requiredApprovals.some(mine) && !d.approvals.some(mine);
        const mayRatify = d.status === 'taken-under-urgency' && (d.urgency?.skippedApprovals ?? []).some(mine) && !d.ratifications.some(mine);
        return (
          <>
            <PageHeading title={d.title} caption="Decision">
              <p>
                <Tag tone={statusTone(d.status)}>{statusName(d.status)}</Tag> <Link to={`/app/collaborations/${d.collaborationId}/decisions`}>Back to the collaboration’s decisions</Link>
              </p>
            </PageHeading>
            <div className="two-columns">
              <div className="column-main">
                <dl className="summary">
                  <dt>Category and value</dt>
                  <dd>
                    {humanise(d.category)}, {formatMoney(d.valueGbp)}
                  </dd>
                  <dt>Rationale</dt>
                  <dd>{d.rationale}</dd>
                  <dt>Options considered</dt>
                  <dd>{d.optionsConsidered.join('; ')}</dd>
                  <dt>Proposed</dt>
                  <dd>
                    {formatDate(d.proposedAt)} by {d.proposer.name}
                  </dd>
                  <dt>Basis</dt>
                  <dd>{d.underDelegationScheme ? `Under the delegation scheme: ${BASIS_NAMES[d.basis] ?? humanise(d.basis)}` : (BASIS_NAMES[d.basis] ?? humanise(d.basis))}</dd>
                  <dt>Judged under</dt>
                  <dd>
                    {d.judgedUnder == null ? (
                      <span className="muted">Not recorded: the decision was proposed before the ledger recorded the rule that judged it.</span>
                    ) : d.judgedUnder.rule === null ? (
                      <>No delegation rule covered {humanise(d.category).toLowerCase()} decisions on {formatDate(d.judgedUnder.asAt)}: every chief officer approves.</>
                    ) : (
                      <>
                        {ruleText(d.judgedUnder.rule)}
                        <div className="muted">
                          The rule in force on {formatDate(d.judgedUnder.asAt)}
                          {d.judgedUnder.inForceSince ? `, in force since ${formatDate(d.judgedUnder.inForceSince)}` : '; the record does not say since when'}.
                        </div>
                      </>
                    )}
                  </dd>
                  {d.decidedAt && (
                    <>
                      <dt>Decided</dt>
                      <dd>
                        {formatDate(d.decidedAt)} ({formatNumber(d.daysToDecide)} days)
                      </dd>
                    </>
                  )}
                </dl>
                <h2 className="heading-m">Approvals</h2>
                <table className="table">
                  <caption className="visually-hidden">Approvals required and given</caption>
                  <thead>
                    <tr>
                      <th scope="col">Party</th>
                      <th scope="col">Office</th>
                      <th scope="col">Given</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.requiredApprovals.map((r) => {
                      const given = d.approvals.find((a) => a.party === r.party && a.role === r.role);
                      const rejected = d.rejections.find((a) => a.party === r.party && a.role === r.role);
                      return (
                        <tr key={`${r.party}-${r.role}`}>
                          <td>{forceName(r.party)}</td>
                          <td>{OFFICE_NAMES[r.role] ?? r.role}</td>
                          <td>
                            {given ? (
                              <>
                                <Tag tone="green">Approved</Tag> {given.approver.name}, {formatDate(given.approvedAt)}
                              </>
                            ) : rejected ? (
                              <>
                                <Tag tone="red">Rejected</Tag> {rejected.approver.name}, {formatDate(rejected.rejectedAt)}: {rejected.reason}
                              </>
                            ) : (
                              <Tag tone="blue">Awaited</Tag>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
                {d.escalations.length > 0 && (
                  <>
                    <h2 className="heading-m">Escalations</h2>
                    <ul>
                      {d.escalations.map((e) => (
                        <li key={e.at}>
                          {formatDate(e.at)}: to {humanise(e.to)} — {e.reason}
                          {e.automatic ? ' (by the delegation scheme)' : ''}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </div>
              <aside className="column-side" aria-labelledby="decision-actions">
                <h2 id="decision-actions" className="heading-m">
                  What you can do
                </h2>
                {can.approve(session) && needsMe ? (
                  <div className="actions">
                    <CommandButton label="Approve" done="Approved. Your approval is recorded." send={() => command(api.POST('/decisions/{decisionId}/approvals', { params: { path: { decisionId } }, body: {}, headers: ifMatch(d.version) }))} />
                    <CommandForm
                      legend="Reject"
                      submit="Reject the decision"
                      done="Rejected. Your rejection and its reason are recorded."
                      send={(form) => command(api.POST('/decisions/{decisionId}/rejections', { params: { path: { decisionId } }, body: { reason: text(form, 'reason') }, headers: ifMatch(d.version) }))}
                    >
                      <Field name="reason" label="Why you reject it" type="textarea" required />
                    </CommandForm>
                  </div>
                ) : can.approve(session) && mayRatify ? (
                  <CommandButton label="Ratify" done="Ratified." send={() => command(api.POST('/decisions/{decisionId}/ratifications', { params: { path: { decisionId } }, body: {}, headers: ifMatch(d.version) }))} />
                ) : (
                  <p>Nothing for you to do on this decision{session?.principal.role === 'auditor' ? ': auditors read and change nothing' : ' now'}.</p>
                )}
              </aside>
            </div>
          </>
        );
      }}
    </Async>
  );
}
