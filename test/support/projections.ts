import type pg from 'pg';
import { PG_POOL } from '#event-store';
import { ProjectionRunner } from '#read-models';
import type { TestApi } from './test-api.js';

/** Until every projection has applied every event committed so far (not only those readers can already see). */
export async function projectionsCaughtUp(api: TestApi): Promise<void> {
  const pool = api.app.get<pg.Pool>(PG_POOL);
  const runner = api.app.get(ProjectionRunner);
  const { rows } = await pool.query<{ total: number }>('SELECT count(*)::int AS total FROM events');
  for (let attempt = 0; attempt < 200; attempt++) {
    if ((await runner.status()).every((s) => s.eventsApplied >= rows[0]!.total)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the projections did not catch up');
}
