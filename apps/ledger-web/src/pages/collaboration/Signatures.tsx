import { useQueries, useQuery } from '@tanstack/react-query';
import { type Schemas, answer, api, asForce } from '../../api/client';
import { Async, Tag, TableWrap } from '../../components/Feedback';
import { useForceName } from '../../components/forces';
import { formatDate, formatDateTime } from '../../format';
import { useCollaboration } from './CollaborationLayout';

type Tenure = Schemas['HeldOfficeView'];
const OFFICES = ['chief-officer', 'policing-body'] as const;

/** Who held an office on a date, from the office holders read model. */
const holderOn = (tenures: Tenure[], force: string, office: string, at: string) =>
  tenures.find((t) => t.forceCode === force && t.office === office && t.heldFrom <= at && (!t.heldTo || t.heldTo > at));

/** The signature matrix (party × office): who signed, when it happened and when it was recorded, and who held the office then. */
export function SignaturesPage() {
  const c = useCollaboration();
  const forceName = useForceName();
  const matrix = useQuery({ queryKey: ['signature-matrix', c.collaborationId], queryFn: () => answer(api.GET('/collaborations/{collaborationId}/signature-matrix', { params: { path: { collaborationId: c.collaborationId } } })) });
  const holders = useQueries({
    queries: c.parties.map((force) => ({ queryKey: ['office-holders', force], queryFn: () => answer(api.GET('/office-holders', { params: { query: { force: asForce(force), limit: 200 } } })) })),
  });
  const tenures = holders.flatMap((h) => h.data?.items ?? []);
  return (
    <section aria-labelledby="signatures-heading">
      <h2 id="signatures-heading" className="heading-l">
        Signature matrix
      </h2>
      <p>The agreement comes into force when every party’s chief officer and policing body have signed (s22A(3)). A signature counts only from the person who held the office on the day it was signed; the ledger checks it.</p>
      <Async query={matrix} label="Loading the signatures…" height={12}>
        {(data) => (
          <TableWrap label="Signatures by party and office">
            <table className="table">
              <caption className="visually-hidden">Signatures by party and office</caption>
              <thead>
                <tr>
                  <th scope="col">Party</th>
                  <th scope="col">Chief officer</th>
                  <th scope="col">Policing body</th>
                </tr>
              </thead>
              <tbody>
                {data.matrix.map((row) => (
                  <tr key={row.party}>
                    <th scope="row">
                      {forceName(row.party)}
                      {row.withdrawn && (
                        <>
                          {' '}
                          <Tag>Withdrawn</Tag>
                        </>
                      )}
                    </th>
                    {OFFICES.map((office) => {
                      const signed = row[office];
                      if (!signed) {
                        const now = holderOn(tenures, row.party, office, new Date().toISOString());
                        return (
                          <td key={office}>
                            <Tag tone="blue">Not signed</Tag>
                            <div className="muted">Holder now: {now?.name ?? (holders.some((h) => h.isPending) ? '…' : 'vacant')}</div>
                          </td>
                        );
                      }
                      const then = holderOn(tenures, row.party, office, signed.signedAt);
                      const late = Date.parse(signed.recordedAt) - Date.parse(signed.signedAt) > 5 * 60_000;
                      return (
                        <td key={office}>
                          <Tag tone="green">Signed</Tag> {signed.signatory.name}
                          <div>Signed {formatDate(signed.signedAt)}</div>
                          <div className="muted">
                            Recorded {formatDateTime(signed.recordedAt)} {late && <Tag tone="yellow">Back-dated</Tag>}
                          </div>
                          <div className="muted">Office holder that day: {then ? `${then.name}${then.personId === signed.signatory.personId ? ' — the signatory' : ''}` : holders.some((h) => h.isPending) ? '…' : 'not recorded'}</div>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Async>
    </section>
  );
}
