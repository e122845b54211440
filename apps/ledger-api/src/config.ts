import { resolve } from 'node:path';
import { type IdentitySettings, type RateLimits, identityFromEnv, rateLimitsFromEnv } from '#identity';

/** Everything the API reads from its environment, in one place (documented in README.md). */
export interface LedgerConfig {
  port: number;
  host: string;
  /** DATABASE_URL; when unset, an embedded PostgreSQL runs in `${dataDir}/postgres`. */
  databaseUrl?: string;
  dataDir: string;
  databasePoolSize: number;
  logLevel: string;
  identity: IdentitySettings;
  rateLimits: RateLimits;
  /** RUN_PROJECTIONS=false when apps/ledger-projector keeps the read models. */
  runProjections: boolean;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const dataDir = resolve(env.LEDGER_DATA_DIR ?? 'data');
  return {
    identity: identityFromEnv(env, dataDir),
    rateLimits: rateLimitsFromEnv(env),
    runProjections: env.RUN_PROJECTIONS !== 'false',
    port: integer(env.PORT, 3000, 'PORT'),
    host: env.HOST ?? 'localhost',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    databasePoolSize: integer(env.DATABASE_POOL_SIZE, 10, 'DATABASE_POOL_SIZE'),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

function integer(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number, not "${value}"`);
  return parsed;
}
