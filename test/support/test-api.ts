import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { pino } from 'pino';
import { DEFAULT_AUDIENCE, type IdentitySettings, LocalIssuer, type RateLimits } from '#identity';
import type { Principal } from '#shared-kernel';
import { type TestDatabase, createTestDatabase } from '#testing';
import { createLedgerApp } from '../../apps/ledger-api/src/app.js';

/** The real API, listening on a free port over a fresh database, with the local token issuer. */
export interface TestApi {
  url: string;
  app: NestFastifyApplication;
  issuer: LocalIssuer;
  dataDir: string;
  /** The API's database: its connection strings, for a command-line process or a superuser's tampering. */
  database: TestDatabase;
  tokenFor(principal: Principal, options?: { ttlSeconds?: number; audience?: string; issuedAt?: number }): Promise<string>;
  /** Stops the API and starts a new one on the same database and data directory (a new port: `url` changes). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The tests enter histories going back to 2008 as the people who acted, to exercise each rule on its
 * own; so the back-dating window is wide here (100 years) unless a test sets it. The window itself,
 * and registrar entries beyond it, are tested with the default 30 days (test/api/back-dating.e2e.spec.ts).
 */
export const TEST_BACKDATING_WINDOW_DAYS = 36_500;

export async function startTestApi(
  options: { rateLimits?: Partial<RateLimits>; metricsToken?: string; identity?: Partial<IdentitySettings>; backdatingWindowDays?: number; maxRequestsInFlight?: number } = {},
): Promise<TestApi> {
  const database: TestDatabase = await createTestDatabase({ migrate: false });
  const dataDir = await mkdtemp(join(tmpdir(), 'ledger-api-test-'));
  await chmod(dataDir, 0o755);
  const open = async () => {
    const app = await createLedgerApp({
      databaseUrl: database.url,
      migrationDatabaseUrl: database.ownerUrl,
      embeddedDatabase: false,
      databasePoolSize: 4,
      logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
      identity: { audience: DEFAULT_AUDIENCE, dataDir, ...options.identity },
      rateLimits: { perPrincipalPerMinute: 1000, perIpPerMinute: 5000, ...options.rateLimits },
      metricsToken: options.metricsToken,
      backdatingWindowDays: options.backdatingWindowDays ?? TEST_BACKDATING_WINDOW_DAYS,
      maxRequestsInFlight: options.maxRequestsInFlight,
      swaggerUi: false,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return app;
  };
  const issuer = await LocalIssuer.openOrCreate(dataDir);
  const api: TestApi = {
    url: '',
    app: await open(),
    issuer,
    dataDir,
    database,
    tokenFor: (principal, tokenOptions) => issuer.mint(principal, tokenOptions),
    async restart() {
      await api.app.close();
      api.app = await open();
      api.url = await api.app.getUrl();
    },
    async close() {
      await api.app.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  api.url = await api.app.getUrl();
  return api;
}
