import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { type Schemas, answer, api, command, ifMatch } from '../api/client';
import { useSession } from '../auth/session';
import { CommandButton } from '../components/Command';
import { Async, Empty, Tag } from '../components/Feedback';
import { PageHeading } from '../components/Layout';
import { useForceName } from '../components/forces';
import { formatDate } from '../format';

type Item = Schemas['AwaitingItemView'];

const SECTIONS: Array<{ kinds: string[]; heading: string }> = [
  { kinds: ['sign-agreement', 'sign-variation'], heading: 'Agreements and variations to sign' },
  { kinds: ['approve-decision', 'ratify-decision'], heading: 'Decisions to approve or ratify' },
  { kinds: ['record-measurement'], heading: 'Benefit figures due' },
  { kinds: ['recommendation-due', 'closure-to-decide'], heading: 'Recommendations due or overdue' },
  { kinds: ['notice-ending'], heading: 'Notices of withdrawal ending' },
];

/** Home: what awaits the signed-in person (GET /me/awaiting), each with its act one click away. */
export function HomePage() {
  const session = useSession();
  const awaiting = useQuery({ queryKey: ['awaiting'], queryFn: () => answer(api.GET('/me/awaiting')) });
  return (
    <>
      <PageHeading title="What awaits you" caption={session?.principal.name}>
        {session?.principal.role === 'collaboration-manager' && (
          <p>
            <Link className="button button-secondary" to="/app/collaborations/new">
              Propose a collaboration
            </Link>
          </p>
        )}
      </PageHeading>
      <Async query={awaiting} label="Finding what awaits you…" height={12}>
        {(data) =>
          data.note ? (
            <>
              <p className="notice">{data.note}</p>
              <p>
                Start from the <Link to="/app/register">national register</Link> or the <Link to="/app/recommendations">recommendations tracker</Link>.
              </p>
            </>
          ) : (
            <>
              <p>
                {data.items.length === 0 ? 'Nothing awaits you now.' : `${data.items.length} thing${data.items.length === 1 ? '' : 's'} await${data.items.length === 1 ? 's' : ''} you.`}{' '}
                <span className="muted">How each list is defined is in the ledger’s API documentation (What awaits me).</span>
              </p>
              {SECTIONS.map((section) => {
                const items = data.items.filter((i) => section.kinds.includes(i.kind));
                return (
                  <section key={section.heading} className="inbox-section" aria-labelledby={`inbox-${section.kinds[0]}`}>
                    <h2 id={`inbox-${section.kinds[0]}`} className="heading-m">
                      {section.heading} <span className="count">({items.length})</span>
                    </h2>
                    {items.length === 0 ? (
                      <Empty>None.</Empty>
                    ) : (
                      <ul className="inbox">
                        {items.map((item) => (
                          <InboxItem key={`${item.kind}-${item.subjectId}`} item={item} />
                        ))}
                      </ul>
                    )}
                  </section>
                );
              })}
            </>
          )
        }
      </Async>
    </>
  );
}

function InboxItem({ item }: { item: Item }) {
  const session = useSession();
  const forceName = useForceName();
  const force = session?.principal.force ?? '';
  const id = `item-${item.kind}-${item.subjectId}`;
  return (
    <li className="inbox-item" aria-labelledby={id}>
      <div className="inbox-text">
        <p className="inbox-title" id={id}>
          {item.title}
        </p>
        <p className="muted">
          {item.collaborationName && item.collaborationId && (
            <>
              <Link to={`/app/collaborations/${item.collaborationId}`}>{item.collaborationName}</Link>
              {' · '}
            </>
          )}
          {item.since && <>awaiting since {formatDate(item.since)}</>}
          {item.due && <> · due {formatDate(item.due)}</>} {item.overdue && <Tag tone="red">Overdue</Tag>}
        </p>
      </div>
      <div className="inbox-action">
        <Action item={item} force={force} forceName={forceName(force)} describedBy={id} />
      </div>
    </li>
  );
}

/** The act an item awaits, one click away: sent with the version the item was read at. */
function Action({ item, force, forceName, describedBy }: { item: Item; force: string; forceName: string; describedBy: string }) {
  switch (item.kind) {
    case 'sign-agreement':
      return (
        <>
          <CommandButton
            label={`Sign for ${forceName}`}
            describedBy={describedBy}
            done="Signed. The signature is recorded."
            send={() => command(api.POST('/collaborations/{collaborationId}/signatures', { params: { path: { collaborationId: item.subjectId } }, body: { party: force }, headers: ifMatch(item.version) }))}
          />
          <Link to={`/app/collaborations/${item.subjectId}`}>Read the agreement first</Link>
        </>
      );
    case 'sign-variation':
      return (
        <>
          <CommandButton
            label={`Sign the variation for ${forceName}`}
            describedBy={describedBy}
            done="Signed. The signature on the variation is recorded."
            send={() =>
              command(
                api.POST('/collaborations/{collaborationId}/variations/{variationId}/signatures', {
                  params: { path: { collaborationId: item.collaborationId!, variationId: item.subjectId } },
                  body: { party: force },
                  headers: ifMatch(item.version),
                }),
              )
            }
          />
          <Link to={`/app/collaborations/${item.collaborationId}`}>Read the variation first</Link>
        </>
      );
    case 'approve-decision':
      return (
        <>
          <CommandButton
            label="Approve"
            describedBy={describedBy}
            done="Approved. Your approval is recorded."
            send={() => command(api.POST('/decisions/{decisionId}/approvals', { params: { path: { decisionId: item.subjectId } }, body: {}, headers: ifMatch(item.version) }))}
          />
          <Link to={`/app/decisions/${item.subjectId}`}>Read it, or reject it with a reason</Link>
        </>
      );
    case 'ratify-decision':
      return (
        <>
          <CommandButton
            label="Ratify"
            describedBy={describedBy}
            done="Ratified. Your ratification is recorded."
            send={() => command(api.POST('/decisions/{decisionId}/ratifications', { params: { path: { decisionId: item.subjectId } }, body: {}, headers: ifMatch(item.version) }))}
          />
          <Link to={`/app/decisions/${item.subjectId}`}>Read it first</Link>
        </>
      );
    case 'record-measurement':
      return (
        <Link className="button" to={`/app/benefits/${item.subjectId}#record`}>
          Record the figure
        </Link>
      );
    case 'recommendation-due':
      return (
        <Link className="button" to={`/app/recommendations/${item.subjectId}`}>
          Report progress
        </Link>
      );
    case 'closure-to-decide':
      return (
        <Link className="button" to={`/app/recommendations/${item.subjectId}`}>
          Decide the closure
        </Link>
      );
    default:
      return item.collaborationId ? (
        <Link className="button button-secondary" to={`/app/collaborations/${item.collaborationId}`}>
          Open the collaboration
        </Link>
      ) : null;
  }
}
