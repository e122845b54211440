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
  tokenFor(principal: Principal, options?: { ttlSeconds?: number; audience?: string }): Promise<string>;
  close(): Promise<void>;
}

export async function startTestApi(options: { rateLimits?: Partial<RateLimits>; identity?: Partial<IdentitySettings> } = {}): Promise<TestApi> {
  const database: TestDatabase = await createTestDatabase({ migrate: false });
  const dataDir = await mkdtemp(join(tmpdir(), 'ledger-api-test-'));
  await chmod(dataDir, 0o755);
  const app = await createLedgerApp({
    databaseUrl: database.url,
    migrationDatabaseUrl: database.ownerUrl,
    embeddedDatabase: false,
    databasePoolSize: 4,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    identity: { audience: DEFAULT_AUDIENCE, dataDir, ...options.identity },
    rateLimits: { perPrincipalPerMinute: 1000, perIpPerMinute: 5000, ...options.rateLimits },
    swaggerUi: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const issuer = await LocalIssuer.openOrCreate(dataDir);
  return {
    url: await app.getUrl(),
    app,
    issuer,
    dataDir,
    tokenFor: (principal, tokenOptions) => issuer.mint(principal, tokenOptions),
    async close() {
      await app.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
