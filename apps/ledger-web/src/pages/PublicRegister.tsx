import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { answer, api } from '../api/client';
import { useSession } from '../auth/session';
import { Async, Empty, Tag, statusTone } from '../components/Feedback';
import { PageHeading } from '../components/Layout';
import { formatDate, formatMoney, humanise, statusName } from '../format';

const LEVELS: Record<string, string> = { full: 'Published in full', redacted: 'Published with redactions', 'title-only': 'Title only' };

/** The public register (no sign-in): published agreements, each only as far as its publication level allows (s23E). */
export function PublicRegisterPage() {
  const session = useSession();
  const register = useQuery({ queryKey: ['public-register'], queryFn: () => answer(api.GET('/public/register', { params: { query: { limit: 200 } } })) });
  return (
    <>
      <PageHeading title="Public register of police collaboration agreements">
        <p className="lead">
          Police forces in England and Wales collaborate under agreements made by section 22A of the Police Act 1996. Each agreement is published here as far as its publication level allows (section 23E): in full, with redactions,
          or by its title only.
        </p>
        {!session && (
          <p>
            <Link className="button" to="/app/sign-in">
              Sign in
            </Link>{' '}
            <span className="muted">Commissioners, chief officers, collaboration managers, registrars and auditors sign in to read the whole register and act on it.</span>
          </p>
        )}
      </PageHeading>
      <Async query={register} label="Loading the published agreements…" height={16}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>No agreement has been published yet.</Empty>
          ) : (
            <>
              <p>
                {data.total} published agreement{data.total === 1 ? '' : 's'}.
              </p>
              <ul className="cards">
                {data.items.map((item) => (
                  <li key={item.collaborationId ?? item.name} className="card">
                    <h2 className="heading-m">{item.name}</h2>
                    <p>
                      <Tag tone={item.publication === 'full' ? 'green' : item.publication === 'redacted' ? 'yellow' : 'grey'}>{LEVELS[item.publication] ?? item.publication}</Tag>
                      {item.status && (
                        <>
                          {' '}
                          <Tag tone={statusTone(item.status)}>{statusName(item.status)}</Tag>
                        </>
                      )}
                    </p>
                    {item.reason && <p className="muted">Why: {item.reason}</p>}
                    <dl className="summary">
                      {item.parties && (
                        <>
                          <dt>Parties</dt>
                          <dd>
                            {item.parties.map(humanise).join(', ')}
                            {item.withdrawnParties?.length ? ` (withdrawn: ${item.withdrawnParties.map(humanise).join(', ')})` : ''}
                          </dd>
                        </>
                      )}
                      {item.leadForce && (
                        <>
                          <dt>Lead force</dt>
                          <dd>{humanise(item.leadForce)}</dd>
                        </>
                      )}
                      {item.purpose && (
                        <>
                          <dt>Purpose</dt>
                          <dd>{item.purpose}</dd>
                        </>
                      )}
                      {item.functions && (
                        <>
                          <dt>Functions</dt>
                          <dd>{item.functions.join(', ')}</dd>
                        </>
                      )}
                      {item.cameIntoForceAt && (
                        <>
                          <dt>In force since</dt>
                          <dd>{formatDate(item.cameIntoForceAt)}</dd>
                        </>
                      )}
                      {item.terminatedAt && (
                        <>
                          <dt>Terminated</dt>
                          <dd>{formatDate(item.terminatedAt)}</dd>
                        </>
                      )}
                      {item.budgets && Object.keys(item.budgets).length > 0 && (
                        <>
                          <dt>Budgets</dt>
                          <dd>
                            {Object.entries(item.budgets)
                              .map(([year, budget]) => `${year}: ${formatMoney((budget as { totalGbp?: number }).totalGbp)}`)
                              .join('; ')}
                          </dd>
                        </>
                      )}
                    </dl>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Async>
    </>
  );
}
