import { APPEND_SQL, type AppendRequest, PostgresEventStore, encodeAppend } from '#event-store';
import { createTestDatabase } from '#testing';
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
      async settle() {
        for (let attempt = 0; attempt < 400; attempt++) {
          const { rows } = await pool.query<{ committed: string | null }>('SELECT max(global_position) AS committed FROM events');
          if (Number(rows[0]!.committed ?? 0) <= (await store.head()).position) return;
          await new Promise((r) => setTimeout(r, 25));
        }
        throw new Error('committed events stayed invisible to gap-free readers for 10 s: a transaction is held open in the cluster');
      },
      statementsSent: () => statements,
      async close() {
        await store.close();
        await database.drop();
      },
    };
  },
  ['sql', 'statement-count', 'slow-writers'],
);
