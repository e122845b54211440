import { APPEND_SQL, type AppendRequest, PostgresEventStore, encodeAppend } from '#event-store';
import { createTestDatabase, logSettled } from '#testing';
import type pg from 'pg';
import { eventStoreContract } from './event-store.contract.js';

async function appendInOpenTransaction(client: pg.PoolClient, request: AppendRequest): Promise<void> {
  const { rows } = await client.query(APPEND_SQL, [JSON.stringify([encodeAppend(request)])]);
  const [result] = rows[0].results;
  if (!result.ok) throw new Error(`append refused: ${JSON.stringify(result)}`);
}

eventStoreContract(
  'PostgreSQL',
  async () => {
    const database = await createTestDatabase({ poolSize: 20 });
    const { pool } = database;
    let statements = 0;
    const countingPool = Object.create(pool, {
      query: { value: (...args: Parameters<pg.Pool['query']>) => (statements++, (pool.query as (...a: unknown[]) => unknown)(...args)) },
    }) as pg.Pool;
    const store = new PostgresEventStore(countingPool);
    const open = async () => {
      const client = await pool.connect();
      await client.query('BEGIN');
      const end = async (how: 'COMMIT' | 'ROLLBACK') => {
        try {
          await client.query(how);
        } finally {
          client.release();
        }
      };
      return { client, commit: () => end('COMMIT'), rollback: () => end('ROLLBACK') };
    };
    return {
      store,
      async beginSlowAppend(request) {
        const tx = await open();
        await appendInOpenTransaction(tx.client, request);
        return tx;
      },
      async holdStreamLock(streamId) {
        const tx = await open();
        await tx.client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [streamId]);
        return { append: (request) => appendInOpenTransaction(tx.client, request), commit: tx.commit };
      },
      sql: (text, values) => pool.query(text, values as unknown[]),
      async sqlWithoutTriggers(text, values) {
        const client = await pool.connect();
        try {
          await client.query('SET session_replication_role = replica');
          return await client.query(text, values as unknown[]);
        } finally {
          await client.query('RESET session_replication_role').catch(() => undefined);
          client.release();
        }
      },
      settle: () => logSettled(pool, () => store.head()),
      statementsSent: () => statements,
      async close() {
        await store.close();
        await database.drop();
      },
    };
  },
  ['sql', 'statement-count', 'slow-writers'],
);
