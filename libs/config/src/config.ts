import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable the ledger's processes read, validated in one place (README.md's
 * configuration table documents each). The apps call loadConfig once at start with process.env
 * and pass the values down; no library reads the environment.
 */

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Requests one API process answers at once before it refuses more (apps/ledger-api/src/load-shedding.ts). */
export const DEFAULT_MAX_REQUESTS_IN_FLIGHT = 256;

/** The audience tokens must name unless OIDC_AUDIENCE says otherwise (the local issuer's, too). */
export const DEFAULT_OIDC_AUDIENCE = 'governance-ledger';

const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));
const bool = () => z.stringbool({ truthy: ['true'], falsy: ['false'] });
const httpUrl = () => z.url({ protocol: /^https?$/ });

export const EVENT_STORES = ['postgres', 'eventstoredb'] as const;
export type EventStoreKind = (typeof EVENT_STORES)[number];
/** The connection-string schemes the KurrentDB client accepts (kurrentdb://, esdb://, with +discover for a cluster's gossip). */
/** S3 bucket names: 3–63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit. */
const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const EVENTSTOREDB_URL = /^(kurrentdb|kdb|esdb|eventstore)(\+discover)?:\/\/[^\s]+$/;

const schema = z.object({
  PORT: wholeNumber(1, 65535).default(3000),
  HOST: z.string().default('localhost'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  MIGRATION_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  LEDGER_DATA_DIR: z.string().default('data'),
  DATABASE_POOL_SIZE: wholeNumber(1, 1000).default(10),
  LEDGER_APPEND_CONCURRENCY: wholeNumber(1, 1000).default(2),
  LEDGER_MAX_REQUESTS_IN_FLIGHT: wholeNumber(1, 100_000).default(DEFAULT_MAX_REQUESTS_IN_FLIGHT),
  EVENT_STORE: z.enum(EVENT_STORES).default('postgres'),
  EVENTSTOREDB_URL: z.string().regex(EVENTSTOREDB_URL).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  LOG_FORMAT: z.enum(LOG_FORMATS).optional(),
  LEDGER_DEMO_DATA: bool().optional(),
  RUN_PROJECTIONS: bool().default(true),
  OIDC_ISSUER: httpUrl().optional(),
  OIDC_JWKS_URL: httpUrl().optional(),
  OIDC_AUDIENCE: z.string().default(DEFAULT_OIDC_AUDIENCE),
  OIDC_CLIENT_ID: z.string().optional(),
  RATE_LIMIT_WRITES_PER_PRINCIPAL: wholeNumber(1).default(120),
  RATE_LIMIT_WRITES_PER_IP: wholeNumber(1).default(600),
  TOKEN_MAX_LIFETIME_HOURS: wholeNumber(1, 720).default(24),
  BACKDATING_WINDOW_DAYS: wholeNumber(0, 36_500).default(30),
  LEDGER_TOKEN_CACHE: bool().default(true),
  METRICS_TOKEN: z.string().regex(/^[\x21-\x7e]{16,200}$/).optional(),
  SEAL_INTERVAL_SECONDS: wholeNumber(0, 86_400).default(60),
  SEAL_KEY_DIR: z.string().optional(),
  SEAL_SINK_DIR: z.string().optional(),
  SEAL_SINK_S3_BUCKET: z.string().regex(S3_BUCKET).optional(),
  SEAL_SINK_S3_PREFIX: z.string().regex(/^[\x21-\x7e]{0,200}$/).optional(),
  SEAL_SINK_S3_REGION: z.string().regex(/^[a-z0-9-]{2,40}$/).optional(),
  SEAL_SINK_S3_ENDPOINT: httpUrl().optional(),
  SEAL_SINK_S3_RETENTION_DAYS: wholeNumber(1, 36_500).default(2557),
  SEAL_SINK_S3_ACCESS_KEY_ID: z.string().regex(/^[\x21-\x7e]{3,200}$/).optional(),
  SEAL_SINK_S3_SECRET_ACCESS_KEY: z.string().regex(/^[\x21-\x7e]{3,200}$/).optional(),
});

export type ConfigVariable = keyof typeof schema.shape;

/** What each variable may be, as the error for a bad value says it; `secret`: never echo the value. */
export const VARIABLES: Record<ConfigVariable, { allowed: string; secret?: boolean }> = {
  PORT: { allowed: 'a whole number from 1 to 65535' },
  HOST: { allowed: 'a host name or address to listen on' },
  DATABASE_URL: { allowed: 'a postgres:// or postgresql:// connection string', secret: true },
  MIGRATION_DATABASE_URL: { allowed: 'a postgres:// or postgresql:// connection string', secret: true },
  LEDGER_DATA_DIR: { allowed: 'a directory' },
  DATABASE_POOL_SIZE: { allowed: 'a whole number from 1 to 1000' },
  LEDGER_APPEND_CONCURRENCY: { allowed: 'a whole number from 1 to 1000' },
  LEDGER_MAX_REQUESTS_IN_FLIGHT: { allowed: 'a whole number from 1 to 100000' },
  EVENT_STORE: { allowed: `one of ${EVENT_STORES.join(', ')}` },
  EVENTSTOREDB_URL: { allowed: 'a kurrentdb://, esdb:// (or +discover) connection string', secret: true },
  LOG_LEVEL: { allowed: `one of ${LOG_LEVELS.join(', ')}` },
  LOG_FORMAT: { allowed: `one of ${LOG_FORMATS.join(', ')}` },
  LEDGER_DEMO_DATA: { allowed: 'true or false' },
  RUN_PROJECTIONS: { allowed: 'true or false' },
  OIDC_ISSUER: { allowed: 'an http:// or https:// URL' },
  OIDC_JWKS_URL: { allowed: 'an http:// or https:// URL' },
  OIDC_AUDIENCE: { allowed: 'an audience name' },
  OIDC_CLIENT_ID: { allowed: 'the web app’s client id at your identity provider' },
  RATE_LIMIT_WRITES_PER_PRINCIPAL: { allowed: 'a whole number of at least 1' },
  RATE_LIMIT_WRITES_PER_IP: { allowed: 'a whole number of at least 1' },
  TOKEN_MAX_LIFETIME_HOURS: { allowed: 'a whole number of hours from 1 to 720' },
  BACKDATING_WINDOW_DAYS: { allowed: 'a whole number of days from 0 to 36500' },
  LEDGER_TOKEN_CACHE: { allowed: 'true or false' },
  METRICS_TOKEN: { allowed: '16 to 200 printable characters without spaces', secret: true },
  SEAL_INTERVAL_SECONDS: { allowed: 'a whole number of seconds from 0 (only on demand) to 86400' },
  SEAL_KEY_DIR: { allowed: 'a directory' },
  SEAL_SINK_DIR: { allowed: 'a directory' },
  SEAL_SINK_S3_BUCKET: { allowed: 'an S3 bucket name (3–63 lowercase letters, digits, dots and hyphens)' },
  SEAL_SINK_S3_PREFIX: { allowed: 'a key prefix of at most 200 printable characters without spaces' },
  SEAL_SINK_S3_REGION: { allowed: 'a region name such as eu-west-2' },
  SEAL_SINK_S3_ENDPOINT: { allowed: 'an http:// or https:// URL' },
  SEAL_SINK_S3_RETENTION_DAYS: { allowed: 'a whole number of days from 1 to 36500' },
  SEAL_SINK_S3_ACCESS_KEY_ID: { allowed: 'an access key id', secret: true },
  SEAL_SINK_S3_SECRET_ACCESS_KEY: { allowed: 'a secret access key', secret: true },
};

/** Where each seal's digest is also written, outside the ledger's control (libs/integrity sinks.ts). */
export interface SealSinkSettings {
  /** SEAL_SINK_DIR: a directory an auditor collects. */
  directory?: string;
  /** SEAL_SINK_S3_*: a bucket with Object Lock. */
  s3?: {
    bucket: string;
    prefix: string;
    region: string;
    endpoint?: string;
    retentionDays: number;
    /** Unset: the AWS SDK's own chain (its environment variables, shared files, instance role). */
    credentials?: { accessKeyId: string; secretAccessKey: string };
  };
}

export interface LedgerConfig {
  port: number;
  host: string;
  /** DATABASE_URL (the application's role); unset: the embedded PostgreSQL in `${dataDir}/postgres`. */
  databaseUrl: string | undefined;
  /** MIGRATION_DATABASE_URL (the owner role, for migrations); unset: DATABASE_URL. */
  migrationDatabaseUrl: string | undefined;
  /** LEDGER_DATA_DIR, made absolute. */
  dataDir: string;
  databasePoolSize: number;
  /** Group-committed append transactions in flight at once per process. */
  appendConcurrency: number;
  /** LEDGER_MAX_REQUESTS_IN_FLIGHT: requests the API answers at once; more are refused 503 Overloaded with Retry-After. */
  maxRequestsInFlight: number;
  /** Where the log is: PostgreSQL (DATABASE_URL or the embedded one), or EventStoreDB/KurrentDB at EVENTSTOREDB_URL. Read models are always in PostgreSQL. */
  eventStore: EventStoreKind;
  /** EVENTSTOREDB_URL: the log with EVENT_STORE=eventstoredb; the other store for `ledger migrate-store` otherwise. */
  eventStoreDbUrl: string | undefined;
  log: { level: LogLevel; format: LogFormat };
  /** Load the demo history into an empty ledger at start: LEDGER_DEMO_DATA, else true on the embedded database only. */
  demoData: boolean;
  /** False when apps/ledger-projector keeps the read models. */
  runProjections: boolean;
  /** The shape of #identity's IdentitySettings. */
  identity: { issuer?: string; jwksUrl?: string; audience: string; dataDir: string; maxLifetimeSeconds: number; clientId?: string; tokenCache: boolean };
  /** METRICS_TOKEN: /metrics answers only with it as a bearer token; unset: only to loopback clients. */
  metricsToken: string | undefined;
  /** The shape of #identity's RateLimits. */
  rateLimits: { perPrincipalPerMinute: number; perIpPerMinute: number };
  /**
   * BACKDATING_WINDOW_DAYS: how far back an ordinary user may date an act; older history is entered
   * by a registrar naming who acted and the source (docs/domain-rules.md, "Back-dating").
   */
  backdatingWindowDays: number;
  /** Signed seals over the log (docs/integrity.md): how often, with which key, published where. */
  sealing: { intervalSeconds: number; keyDir: string; sinks: SealSinkSettings };
}

export interface ConfigContext {
  /** Whether standard output is a terminal: logs are then readable text unless LOG_FORMAT says json. */
  stdoutIsTTY?: boolean;
  /** Relative LEDGER_DATA_DIR is resolved against this (default: the working directory). */
  cwd?: string;
}

/** One or more variables with a bad value: `problems` has one line per variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Reads and validates every variable, or throws a ConfigError naming each bad one and what it may be. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, context: ConfigContext = {}): LedgerConfig {
  // An empty variable counts as unset (`PORT=` in a compose file, `DATABASE_URL=''` from a script).
  const given: Partial<Record<ConfigVariable, string>> = {};
  for (const name of Object.keys(VARIABLES) as ConfigVariable[]) {
    const value = env[name];
    if (value !== undefined && value !== '') given[name] = value;
  }
  const parsed = schema.safeParse(given);
  const problems = new Map<string, string>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = issue.path[0] as ConfigVariable;
      if (!problems.has(name)) problems.set(name, describeBadValue(name, given[name]));
    }
  }
  if (given.MIGRATION_DATABASE_URL && !given.DATABASE_URL) problems.set('DATABASE_URL', 'MIGRATION_DATABASE_URL is set but DATABASE_URL is not: name the application’s connection too (without both, the embedded PostgreSQL is used)');
  if (given.EVENT_STORE === 'eventstoredb' && !given.EVENTSTOREDB_URL) problems.set('EVENTSTOREDB_URL', 'EVENT_STORE is eventstoredb but EVENTSTOREDB_URL is not set: name the cluster (e.g. kurrentdb+discover://ledger:…@esdb-1:2113,esdb-2:2113,esdb-3:2113)');
  if (given.OIDC_ISSUER && !given.OIDC_JWKS_URL) problems.set('OIDC_JWKS_URL', 'OIDC_ISSUER is set but OIDC_JWKS_URL is not: both are needed to verify tokens');
  if (given.OIDC_JWKS_URL && !given.OIDC_ISSUER) problems.set('OIDC_ISSUER', 'OIDC_JWKS_URL is set but OIDC_ISSUER is not: both are needed to verify tokens');
  const s3Given = (['SEAL_SINK_S3_PREFIX', 'SEAL_SINK_S3_REGION', 'SEAL_SINK_S3_ENDPOINT', 'SEAL_SINK_S3_ACCESS_KEY_ID', 'SEAL_SINK_S3_SECRET_ACCESS_KEY'] as const).filter((name) => given[name]);
  if (!given.SEAL_SINK_S3_BUCKET && s3Given.length > 0) problems.set('SEAL_SINK_S3_BUCKET', `${s3Given.join(', ')} ${s3Given.length === 1 ? 'is' : 'are'} set but SEAL_SINK_S3_BUCKET is not: name the bucket the seals are written to`);
  if (given.SEAL_SINK_S3_BUCKET && !given.SEAL_SINK_S3_REGION) problems.set('SEAL_SINK_S3_REGION', 'SEAL_SINK_S3_BUCKET is set but SEAL_SINK_S3_REGION is not: name the bucket’s region (e.g. eu-west-2)');
  if (!given.SEAL_SINK_S3_ACCESS_KEY_ID !== !given.SEAL_SINK_S3_SECRET_ACCESS_KEY) {
    problems.set('SEAL_SINK_S3_SECRET_ACCESS_KEY', 'SEAL_SINK_S3_ACCESS_KEY_ID and SEAL_SINK_S3_SECRET_ACCESS_KEY go together: set both, or neither (the AWS SDK then finds credentials itself)');
  }
  if (!parsed.success || problems.size > 0) throw new ConfigError([...problems.values()]);

  const v = parsed.data;
  const dataDir = resolve(context.cwd ?? process.cwd(), v.LEDGER_DATA_DIR);
  return {
    port: v.PORT,
    host: v.HOST,
    databaseUrl: v.DATABASE_URL,
    migrationDatabaseUrl: v.MIGRATION_DATABASE_URL,
    dataDir,
    databasePoolSize: v.DATABASE_POOL_SIZE,
    appendConcurrency: v.LEDGER_APPEND_CONCURRENCY,
    maxRequestsInFlight: v.LEDGER_MAX_REQUESTS_IN_FLIGHT,
    eventStore: v.EVENT_STORE,
    eventStoreDbUrl: v.EVENTSTOREDB_URL,
    log: { level: v.LOG_LEVEL, format: v.LOG_FORMAT ?? (context.stdoutIsTTY ? 'pretty' : 'json') },
    demoData: v.LEDGER_DEMO_DATA ?? v.DATABASE_URL === undefined,
    runProjections: v.RUN_PROJECTIONS,
    identity: { issuer: v.OIDC_ISSUER, jwksUrl: v.OIDC_JWKS_URL, audience: v.OIDC_AUDIENCE, dataDir, maxLifetimeSeconds: v.TOKEN_MAX_LIFETIME_HOURS * 3600, tokenCache: v.LEDGER_TOKEN_CACHE, ...(v.OIDC_CLIENT_ID ? { clientId: v.OIDC_CLIENT_ID } : {}) },
    metricsToken: v.METRICS_TOKEN,
    rateLimits: { perPrincipalPerMinute: v.RATE_LIMIT_WRITES_PER_PRINCIPAL, perIpPerMinute: v.RATE_LIMIT_WRITES_PER_IP },
    backdatingWindowDays: v.BACKDATING_WINDOW_DAYS,
    sealing: {
      intervalSeconds: v.SEAL_INTERVAL_SECONDS,
      keyDir: v.SEAL_KEY_DIR ? resolve(context.cwd ?? process.cwd(), v.SEAL_KEY_DIR) : resolve(dataDir, 'seal-key'),
      sinks: {
        ...(v.SEAL_SINK_DIR ? { directory: resolve(context.cwd ?? process.cwd(), v.SEAL_SINK_DIR) } : {}),
        ...(v.SEAL_SINK_S3_BUCKET
          ? {
              s3: {
                bucket: v.SEAL_SINK_S3_BUCKET,
                prefix: v.SEAL_SINK_S3_PREFIX ?? '',
                region: v.SEAL_SINK_S3_REGION!,
                ...(v.SEAL_SINK_S3_ENDPOINT ? { endpoint: v.SEAL_SINK_S3_ENDPOINT } : {}),
                retentionDays: v.SEAL_SINK_S3_RETENTION_DAYS,
                ...(v.SEAL_SINK_S3_ACCESS_KEY_ID ? { credentials: { accessKeyId: v.SEAL_SINK_S3_ACCESS_KEY_ID, secretAccessKey: v.SEAL_SINK_S3_SECRET_ACCESS_KEY! } } : {}),
              },
            }
          : {}),
      },
    },
  };
}

function describeBadValue(name: ConfigVariable, value: string | undefined): string {
  const { allowed, secret } = VARIABLES[name];
  if (secret) return `${name} must be ${allowed} (its value is not shown: it may hold a password)`;
  const shown = value !== undefined && value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return `${name} must be ${allowed}, not ${JSON.stringify(shown)}`;
}

/**
 * For an app's main: the configuration, or each problem on its own line on standard error
 * (`ledger-api: PORT must be …`) and exit with `exitCode`. Nothing else is printed: the logger's
 * own settings may be what is wrong.
 */
export function loadConfigOrExit(
  env: Readonly<Record<string, string | undefined>>,
  options: ConfigContext & { program: string; exitCode?: number },
): LedgerConfig {
  try {
    return loadConfig(env, options);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(error.problems.map((problem) => `${options.program}: ${problem}\n`).join(''));
    process.exit(options.exitCode ?? 1);
  }
}
