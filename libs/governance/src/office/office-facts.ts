import type pg from 'pg';
import type { Office, PendingItem } from './office.events.js';

/**
 * What awaited an office when it changed hands: agreements it has not signed among the
 * collaborations its force is party to and that are not yet in force. Read from the log with one
 * query until the read models (issue 7) keep it as a projection.
 */
export async function pendingForOffice(pool: pg.Pool, forceCode: string, office: Office): Promise<PendingItem[]> {
  const { rows } = await pool.query<{ stream_id: string; collaboration_id: string; name: string }>(
    `SELECT p.stream_id, p.data ->> 'collaborationId' AS collaboration_id, p.data ->> 'name' AS name
       FROM events p
      WHERE p.type = 'CollaborationProposed'
        AND p.data -> 'parties' ? $1
        AND NOT EXISTS (SELECT 1 FROM events s
                         WHERE s.stream_id = p.stream_id
                           AND (s.type IN ('AgreementCameIntoForce', 'CollaborationTerminated')
                                OR (s.type = 'AgreementSigned' AND s.data ->> 'party' = $1 AND s.data ->> 'role' = $2)))
      ORDER BY p.global_position`,
    [forceCode, office],
  );
  return rows.map((r) => ({ kind: 'agreement-signature', collaborationId: r.collaboration_id, name: r.name }));
}
