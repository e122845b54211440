import type pg from 'pg';

/** A new connection that is not made within this time fails (503), never waits for ever. */
export const CONNECT_TIMEOUT_MS = 5_000;
/** A query that has not answered within this time fails on the client (the server may be frozen or unreachable). */
export const QUERY_TIMEOUT_MS = 60_000;

/**
 * Every pool of the ledger's processes: when the database is down or unreachable, a request fails
 * fast with 503 (StoreUnavailable) instead of hanging on a connection that will not come (pg's
 * defaults wait for ever), and dead connections are noticed (TCP keep-alive). When the database
 * is back, new connections are made as usual: nothing to restart.
 */
export const ledgerPoolOptions = (connectionString: string, max: number): pg.PoolConfig => ({
  connectionString,
  max,
  connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  query_timeout: QUERY_TIMEOUT_MS,
  keepAlive: true,
  idleTimeoutMillis: 30_000,
});
