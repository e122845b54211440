import { useInfiniteQuery } from '@tanstack/react-query';
import { answer, api } from '../../api/client';
import { Async, Tag, TableWrap } from '../../components/Feedback';
import { Provenance } from '../../components/Provenance';
import { useForceName } from '../../components/forces';
import { OFFICE_NAMES, eventName, formatDate, formatDateTime, humanise } from '../../format';
import { useCollaboration } from './CollaborationLayout';

/** Every event of the collaboration in order, with both clocks and where each fact comes from; back-dated entries are marked. */
export function TimelinePage() {
  const c = useCollaboration();
  const timeline = useInfiniteQuery({
    queryKey: ['timeline', c.collaborationId],
    initialPageParam: 1,
    queryFn: ({ pageParam }) => answer(api.GET('/collaborations/{collaborationId}/timeline', { params: { path: { collaborationId: c.collaborationId }, query: { fromVersion: pageParam, limit: 100 } } })),
    getNextPageParam: (last) => last.nextFromVersion ?? undefined,
  });
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="heading-l">
        Timeline
      </h2>
      <p>
        Two clocks: <strong>happened</strong> is when it happened in the world; <strong>recorded</strong> is when the ledger learned of it, set by the ledger itself. An entry recorded more than five minutes after it happened is
        marked back-dated; it never rewrites what was recorded before. <strong>Source</strong> is where the fact comes from: a document or a public page (linked), or <em>illustrative</em> where the public
        record is silent.
      </p>
      <Async query={timeline} label="Loading the timeline…" height={20}>
        {(data) => (
          <>
            <TableWrap label="Events of the collaboration">
              <table className="table">
                <caption className="visually-hidden">Events of the collaboration</caption>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Event</th>
                    <th scope="col">Happened</th>
                    <th scope="col">Recorded</th>
                    <th scope="col">Recorded by</th>
                    <th scope="col">Source</th>
                  </tr>
                </thead>
                <tbody>
                  {data.pages
                    .flatMap((p) => p.items)
                    .map((e) => (
                      <tr key={e.version} className={e.backDated ? 'back-dated' : undefined}>
                        <td>{e.version}</td>
                        <td>
                          {eventName(e.type)} {e.backDated && <Tag tone="yellow">Back-dated</Tag>}
                          <Summary data={e.data as Record<string, unknown>} />
                        </td>
                        <td>{formatDate(e.occurredAt)}</td>
                        <td>{formatDateTime(e.recordedAt)}</td>
                        <td>
                          {e.recordedBy?.name ?? '—'}
                          {e.role && <div className="muted">{OFFICE_NAMES[e.role] ?? humanise(e.role)}</div>}
                        </td>
                        <td>
                          <Provenance provenance={e.provenance} backDating={e.backDating} />
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </TableWrap>
            {timeline.hasNextPage && (
              <button type="button" className="button button-secondary" onClick={() => void timeline.fetchNextPage()} disabled={timeline.isFetchingNextPage}>
                {timeline.isFetchingNextPage ? 'Loading…' : 'Show more events'}
              </button>
            )}
          </>
        )}
      </Async>
    </section>
  );
}

/** A short, readable line of an event's payload: its text fields, with forces, offices and other codes in words. */
function Summary({ data }: { data: Record<string, unknown> }) {
  const forceName = useForceName();
  const readable = (key: string, value: string | number) => {
    if (typeof value === 'number') return String(value);
    if (key === 'party' || key === 'leadForce') return forceName(value);
    if (key === 'role') return OFFICE_NAMES[value] ?? humanise(value);
    // A code (lower-case words joined by hyphens, such as a force or an office): its name, never the code.
    if (CODED.has(key) || /^[a-z]+(-[a-z]+)+$/.test(value)) return OFFICE_NAMES[value] ?? forceName(value);
    return value;
  };
  const parts = Object.entries(data)
    .filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number')
    .slice(0, 4)
    .map(([k, v]) => `${eventName(k)}: ${readable(k, v)}`);
  const signatory = (data.signatory ?? data.approver ?? data.holder) as { name?: string } | undefined;
  if (signatory?.name) parts.unshift(signatory.name);
  return parts.length ? <div className="muted event-summary">{parts.join(' · ')}</div> : null;
}

/** Payload fields whose values are codes (categories, levels, kinds), shown in words. */
const CODED = new Set(['category', 'level', 'kind', 'aboveLimit', 'outcome', 'basis', 'status', 'office', 'reasonCode']);
