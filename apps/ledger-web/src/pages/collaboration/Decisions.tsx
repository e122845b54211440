import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { answer, api } from '../../api/client';
import { Async, Empty, Tag, statusTone, TableWrap } from '../../components/Feedback';
import { formatDate, formatMoney, formatNumber, humanise, statusName } from '../../format';
import { useCollaboration } from './CollaborationLayout';

/** The decision log of the collaboration: approvals, time to decide, escalations and flags. */
export function DecisionsPage() {
  const c = useCollaboration();
  const log = useQuery({ queryKey: ['decision-log', c.collaborationId], queryFn: () => answer(api.GET('/decision-log', { params: { query: { collaborationId: c.collaborationId, limit: 200 } } })) });
  return (
    <section aria-labelledby="decisions-heading">
      <h2 id="decisions-heading" className="heading-l">
        Decisions
      </h2>
      <p className="definition">Days to decide: from the proposal to the decision (taken, rejected or taken under urgency). Escalations: how often a decision went beyond the lead force’s delegation.</p>
      <Async query={log} label="Loading the decisions…" height={10}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>No decision has been proposed in this collaboration.</Empty>
          ) : (
            <TableWrap label="Decisions">
              <table className="table">
                <caption className="visually-hidden">Decisions</caption>
                <thead>
                  <tr>
                    <th scope="col">Decision</th>
                    <th scope="col">Category and value</th>
                    <th scope="col">Status</th>
                    <th scope="col">Proposed</th>
                    <th scope="col">Days to decide</th>
                    <th scope="col">Flags</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((d) => (
                    <tr key={d.decisionId}>
                      <td>
                        <Link to={`/app/decisions/${d.decisionId}`}>{d.title}</Link>
                      </td>
                      <td>
                        {humanise(d.category)}, {formatMoney(d.valueGbp)}
                      </td>
                      <td>
                        <Tag tone={statusTone(d.status)}>{statusName(d.status)}</Tag>
                      </td>
                      <td>{formatDate(d.proposedAt)}</td>
                      <td>{formatNumber(d.daysToDecide)}</td>
                      <td>
                        {d.escalations > 0 && <Tag tone="purple">Escalated</Tag>} {d.takenUnderDelegation && <Tag>Lead force alone</Tag>} {d.urgent && <Tag tone="yellow">Urgent</Tag>} {d.ratified && <Tag tone="green">Ratified</Tag>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Async>
    </section>
  );
}
