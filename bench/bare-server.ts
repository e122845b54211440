/**
 * The HTTP baseline of `npm run bench` (bench/suite/http.ts starts it as a child process, as it starts
 * the API): a bare Fastify server, nothing but a pg pool of the API's size. POST /write inserts the
 * request body as one row (one INSERT, one commit: the write baseline); GET /read/:name answers the
 * rows of one SELECT named in BARE_READS (the read baselines: the same rows the API's read routes
 * read). No auth, no validation, no logging, no hash, no concurrency check.
 *
 *   BARE_DATABASE_URL  the database (the suite's fresh one)      BARE_POOL_SIZE  default 10
 *   BARE_PORT          the port to listen on (127.0.0.1)         BARE_READS      JSON {name: {sql, params}}
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.BARE_DATABASE_URL, max: Number(process.env.BARE_POOL_SIZE ?? 10) });
const reads = JSON.parse(process.env.BARE_READS ?? '{}') as Record<string, { sql: string; params: unknown[] }>;

await pool.query(`CREATE TABLE IF NOT EXISTS bench_http_writes (
  id bigserial PRIMARY KEY, event_id uuid NOT NULL, type text NOT NULL, data jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`);

const app = Fastify({ logger: false });
app.post('/write', async (request, reply) => {
  const eventId = randomUUID();
  await pool.query({ name: 'bare_write', text: 'INSERT INTO bench_http_writes (event_id, type, data) VALUES ($1, $2, $3)', values: [eventId, 'RecommendationRaised', JSON.stringify(request.body)] });
  return reply.code(201).send({ eventId });
});
app.get<{ Params: { name: string } }>('/read/:name', async (request, reply) => {
  const read = reads[request.params.name];
  if (!read) return reply.code(404).send({ error: 'no such read' });
  const { rows } = await pool.query({ name: `bare_read_${request.params.name}`, text: read.sql, values: read.params });
  return { items: rows };
});
const address = await app.listen({ port: Number(process.env.BARE_PORT ?? 0), host: '127.0.0.1' });
console.log(`listening ${address}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => pool.end()).then(() => process.exit(0));
  });
}
