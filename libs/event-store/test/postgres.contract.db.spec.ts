import { APPEND_SQL, type AppendRequest, PostgresEventStore, encodeAppend } from '#event-store';
import { createTestDatabase, logSettled } from '#testing';
import pg from 'pg';
import { eventStoreContract } from './event-store.contract.js';

async function appendInOpenTransaction(client: pg.PoolClient, request: AppendRequest): Promise<void> {
  const { rows } = await client.query(APPEND_SQL, [JSON.stringify([encodeAppend(request)])]);
  const [result] = rows[0].results;
  if (!result.ok) throw new Error(`append refused: ${JSON.stringify(result)}`);
}

eventStoreContract(
  'PostgreSQL',
  async () => {
    // The store runs as the application does: a role that may only read and execute ledger_append.
    const database = await createTestDatabase({ poolSize: 20 });
    const { pool } = database;
    const owner = new pg.Pool({ connectionString: database.ownerUrl, max: 2 });
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
      async beginSlowAppend(request, options = {}) {
        const tx = await open();
        // A statement first, so the transaction's start (now()) is well before its append.
        await tx.client.query('SELECT pg_sleep($1)', [(options.delayBeforeAppendMs ?? 0) / 1000]);
        await appendInOpenTransaction(tx.client, request);
        return tx;
      },
      async holdStreamLock(streamId) {
        const tx = await open();
        await tx.client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [streamId]);
        return { append: (request) => appendInOpenTransaction(tx.client, request), commit: tx.commit };
      },
      sql: (text, values) => owner.query(text, values as unknown[]),
      appSql: (text, values) => pool.query(text, values as unknown[]),
      async sqlWithoutTriggers(text, values) {
        const client = await database.adminPool.connect();
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
        await owner.end();
        await database.drop();
      },
    };
  },
  ['sql', 'statement-count', 'slow-writers', 'least-privilege'],
);
