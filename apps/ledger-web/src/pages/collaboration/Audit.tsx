import { useInfiniteQuery } from '@tanstack/react-query';
import { answer, api } from '../../api/client';
import { Async, Tag, TableWrap } from '../../components/Feedback';
import { Provenance, backDatingOfMetadata, provenanceOfMetadata } from '../../components/Provenance';
import { formatDateTime } from '../../format';
import { useCollaboration } from './CollaborationLayout';

/**
 * The auditor's page: the collaboration's stream exactly as stored (GET /streams/{id}/events), with
 * both clocks, the transaction, the hash chain and the content digest. Auditors and registrars
 * only; the API refuses others and the page says why. (Signed seals, proofs and the audit pack
 * come with the integrity issue and will be a section of this page.)
 */
export function AuditPage() {
  const c = useCollaboration();
  const streamId = `collaboration-${c.collaborationId}`;
  const raw = useInfiniteQuery({
    queryKey: ['raw', streamId],
    initialPageParam: 1,
    queryFn: ({ pageParam }) => answer(api.GET('/streams/{streamId}/events', { params: { path: { streamId }, query: { fromVersion: pageParam, limit: 200 } } })),
    getNextPageParam: (last) => last.nextFromVersion ?? undefined,
  });
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading" className="heading-l">
        The raw record
      </h2>
      <p>
        Every event of stream <code>{streamId}</code> as stored. Each hash covers the previous one, the stream, the version, the recorded time and the content digest (the ledger’s integrity document gives the format), so
        changing any event breaks every link after it. <code>npm run ledger -- verify</code> recomputes them all.
      </p>
      <Async query={raw} label="Loading the raw record…" height={20}>
        {(data) => (
          <>
            <TableWrap label="Events as stored">
              <table className="table table-raw">
                <caption className="visually-hidden">Events as stored</caption>
                <thead>
                  <tr>
                    <th scope="col">Version</th>
                    <th scope="col">Type</th>
                    <th scope="col">Happened (occurredAt)</th>
                    <th scope="col">Recorded (recordedAt)</th>
                    <th scope="col">Position · transaction</th>
                    <th scope="col">Source (metadata.provenance)</th>
                    <th scope="col">Previous hash → hash</th>
                  </tr>
                </thead>
                <tbody>
                  {data.pages
                    .flatMap((p) => p.items)
                    .map((e) => (
                      <tr key={e.streamVersion}>
                        <td>{e.streamVersion}</td>
                        <td>
                          {e.type} <span className="muted">v{e.schemaVersion}</span> {(e.metadata as { backDated?: boolean }).backDated && <Tag tone="yellow">Back-dated</Tag>}
                        </td>
                        <td>
                          <time dateTime={String(e.occurredAt)}>{String(e.occurredAt)}</time>
                          <div className="muted">{formatDateTime(String(e.occurredAt))}</div>
                        </td>
                        <td>
                          <time dateTime={String(e.recordedAt)}>{String(e.recordedAt)}</time>
                          <div className="muted">{formatDateTime(String(e.recordedAt))}</div>
                        </td>
                        <td>
                          {e.globalPosition} · {e.transactionId}
                        </td>
                        <td>
                          <Provenance provenance={provenanceOfMetadata(e.metadata)} backDating={backDatingOfMetadata(e.metadata)} />
                        </td>
                        <td className="hash">
                          <span className="muted">{e.prevHash}</span>
                          <br />→ {e.hash}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </TableWrap>
            {raw.hasNextPage && (
              <button type="button" className="button button-secondary" onClick={() => void raw.fetchNextPage()}>
                Show more
              </button>
            )}
          </>
        )}
      </Async>
    </section>
  );
}
