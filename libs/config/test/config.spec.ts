import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, DEFAULT_OIDC_AUDIENCE, VARIABLES, loadConfig } from '#config';
import { DEFAULT_AUDIENCE } from '#identity';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env, { cwd: '/srv/ledger' });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error(`no problem found in ${JSON.stringify(env)}`);
};

describe('the configuration', () => {
  it('has the README defaults when nothing is set', () => {
    expect(loadConfig({}, { cwd: '/srv/ledger' })).toEqual({
      port: 3000,
      host: 'localhost',
      databaseUrl: undefined,
      dataDir: '/srv/ledger/data',
      databasePoolSize: 10,
      appendConcurrency: 2,
      maxRequestsInFlight: 256,
      backdatingWindowDays: 30,
      eventStore: 'postgres',
      eventStoreDbUrl: undefined,
      log: { level: 'info', format: 'json' },
      demoData: true,
      runProjections: true,
      identity: { issuer: undefined, jwksUrl: undefined, audience: 'governance-ledger', dataDir: '/srv/ledger/data', maxLifetimeSeconds: 24 * 3600, tokenCache: true },
      rateLimits: { perPrincipalPerMinute: 120, perIpPerMinute: 600 },
      metricsToken: undefined,
      sealing: { intervalSeconds: 60, keyDir: '/srv/ledger/data/seal-key', sinks: {} },
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgresql://ledger:secret@db.internal:5432/ledger',
        LEDGER_DATA_DIR: 'var/ledger',
        DATABASE_POOL_SIZE: '20',
        LEDGER_APPEND_CONCURRENCY: '4',
        LEDGER_MAX_REQUESTS_IN_FLIGHT: '64',
        EVENT_STORE: 'eventstoredb',
        EVENTSTOREDB_URL: 'kurrentdb+discover://ledger:secret@esdb-1:2113,esdb-2:2113,esdb-3:2113?tls=true',
        LOG_LEVEL: 'debug',
        LOG_FORMAT: 'pretty',
        LEDGER_DEMO_DATA: 'true',
        RUN_PROJECTIONS: 'false',
        OIDC_ISSUER: 'https://login.example.police.uk/',
        OIDC_JWKS_URL: 'https://login.example.police.uk/jwks',
        OIDC_AUDIENCE: 'ledger-prod',
        RATE_LIMIT_WRITES_PER_PRINCIPAL: '30',
        RATE_LIMIT_WRITES_PER_IP: '90',
        TOKEN_MAX_LIFETIME_HOURS: '8',
        BACKDATING_WINDOW_DAYS: '60',
        METRICS_TOKEN: 'scraper-7f3c9a1e2b4d6f80',
        SEAL_INTERVAL_SECONDS: '300',
        SEAL_KEY_DIR: '/run/secrets/seal-key',
        SEAL_SINK_DIR: 'digests',
        SEAL_SINK_S3_BUCKET: 'ledger-digests',
        SEAL_SINK_S3_PREFIX: 'prod/',
        SEAL_SINK_S3_REGION: 'eu-west-2',
        SEAL_SINK_S3_ENDPOINT: 'https://s3.example.police.uk',
        SEAL_SINK_S3_RETENTION_DAYS: '3650',
        SEAL_SINK_S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
        SEAL_SINK_S3_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG',
      },
      { cwd: '/srv/ledger' },
    );
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgresql://ledger:secret@db.internal:5432/ledger',
      dataDir: '/srv/ledger/var/ledger',
      databasePoolSize: 20,
      appendConcurrency: 4,
      maxRequestsInFlight: 64,
      backdatingWindowDays: 60,
      eventStore: 'eventstoredb',
      eventStoreDbUrl: 'kurrentdb+discover://ledger:secret@esdb-1:2113,esdb-2:2113,esdb-3:2113?tls=true',
      log: { level: 'debug', format: 'pretty' },
      demoData: true,
      runProjections: false,
      identity: { issuer: 'https://login.example.police.uk/', jwksUrl: 'https://login.example.police.uk/jwks', audience: 'ledger-prod', dataDir: '/srv/ledger/var/ledger', maxLifetimeSeconds: 8 * 3600, tokenCache: true },
      rateLimits: { perPrincipalPerMinute: 30, perIpPerMinute: 90 },
      metricsToken: 'scraper-7f3c9a1e2b4d6f80',
      sealing: {
        intervalSeconds: 300,
        keyDir: '/run/secrets/seal-key',
        sinks: {
          directory: '/srv/ledger/digests',
          s3: {
            bucket: 'ledger-digests',
            prefix: 'prod/',
            region: 'eu-west-2',
            endpoint: 'https://s3.example.police.uk',
            retentionDays: 3650,
            credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG' },
          },
        },
      },
    });
  });

  it('counts an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '', LEDGER_DEMO_DATA: '' }, { cwd: '/srv/ledger' })).toMatchObject({ port: 3000, databaseUrl: undefined, demoData: true });
  });

  it('loads the demo history by default only on the embedded database', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/ledger' }).demoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/ledger', LEDGER_DEMO_DATA: 'true' }).demoData).toBe(true);
    expect(loadConfig({ LEDGER_DEMO_DATA: 'false' }).demoData).toBe(false);
  });

  it('writes JSON logs unless standard output is a terminal or LOG_FORMAT says otherwise', () => {
    expect(loadConfig({}, { stdoutIsTTY: false }).log.format).toBe('json');
    expect(loadConfig({}, { stdoutIsTTY: true }).log.format).toBe('pretty');
    expect(loadConfig({ LOG_FORMAT: 'json' }, { stdoutIsTTY: true }).log.format).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }, { stdoutIsTTY: false }).log.format).toBe('pretty');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 1 to 65535, not "abc"'],
    [{ PORT: '0' }, 'PORT must be a whole number from 1 to 65535, not "0"'],
    [{ PORT: '65536' }, 'PORT must be a whole number from 1 to 65535, not "65536"'],
    [{ PORT: '80.5' }, 'PORT must be a whole number from 1 to 65535, not "80.5"'],
    [{ PORT: '-1' }, 'PORT must be a whole number from 1 to 65535, not "-1"'],
    [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE must be a whole number from 1 to 1000, not "0"'],
    [{ LEDGER_APPEND_CONCURRENCY: 'two' }, 'LEDGER_APPEND_CONCURRENCY must be a whole number from 1 to 1000, not "two"'],
    [{ LEDGER_MAX_REQUESTS_IN_FLIGHT: '0' }, 'LEDGER_MAX_REQUESTS_IN_FLIGHT must be a whole number from 1 to 100000, not "0"'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "verbose"'],
    [{ LOG_FORMAT: 'text' }, 'LOG_FORMAT must be one of json, pretty, not "text"'],
    [{ LEDGER_DEMO_DATA: 'yes' }, 'LEDGER_DEMO_DATA must be true or false, not "yes"'],
    [{ RUN_PROJECTIONS: '0' }, 'RUN_PROJECTIONS must be true or false, not "0"'],
    [{ OIDC_ISSUER: 'login.example', OIDC_JWKS_URL: 'https://login.example/jwks' }, 'OIDC_ISSUER must be an http:// or https:// URL, not "login.example"'],
    [{ OIDC_ISSUER: 'https://login.example/' }, 'OIDC_ISSUER is set but OIDC_JWKS_URL is not: both are needed to verify tokens'],
    [{ OIDC_JWKS_URL: 'https://login.example/jwks' }, 'OIDC_JWKS_URL is set but OIDC_ISSUER is not: both are needed to verify tokens'],
    [{ RATE_LIMIT_WRITES_PER_PRINCIPAL: '0' }, 'RATE_LIMIT_WRITES_PER_PRINCIPAL must be a whole number of at least 1, not "0"'],
    [{ EVENT_STORE: 'kafka' }, 'EVENT_STORE must be one of postgres, eventstoredb, not "kafka"'],
    [{ EVENT_STORE: 'eventstoredb' }, 'EVENT_STORE is eventstoredb but EVENTSTOREDB_URL is not set: name the cluster (e.g. kurrentdb+discover://ledger:…@esdb-1:2113,esdb-2:2113,esdb-3:2113)'],
    [{ EVENTSTOREDB_URL: 'http://esdb:2113' }, 'EVENTSTOREDB_URL must be a kurrentdb://, esdb:// (or +discover) connection string (its value is not shown: it may hold a password)'],
    [{ RATE_LIMIT_WRITES_PER_IP: 'lots' }, 'RATE_LIMIT_WRITES_PER_IP must be a whole number of at least 1, not "lots"'],
    [{ TOKEN_MAX_LIFETIME_HOURS: '721' }, 'TOKEN_MAX_LIFETIME_HOURS must be a whole number of hours from 1 to 720, not "721"'],
    [{ TOKEN_MAX_LIFETIME_HOURS: '0' }, 'TOKEN_MAX_LIFETIME_HOURS must be a whole number of hours from 1 to 720, not "0"'],
    [{ BACKDATING_WINDOW_DAYS: '-1' }, 'BACKDATING_WINDOW_DAYS must be a whole number of days from 0 to 36500, not "-1"'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN must be 16 to 200 printable characters without spaces (its value is not shown: it may hold a password)'],
    [{ METRICS_TOKEN: 'has a space in it, sadly' }, 'METRICS_TOKEN must be 16 to 200 printable characters without spaces (its value is not shown: it may hold a password)'],
    [{ SEAL_INTERVAL_SECONDS: '86401' }, 'SEAL_INTERVAL_SECONDS must be a whole number of seconds from 0 (only on demand) to 86400, not "86401"'],
    [{ SEAL_SINK_S3_BUCKET: 'Ledger_Digests', SEAL_SINK_S3_REGION: 'eu-west-2' }, 'SEAL_SINK_S3_BUCKET must be an S3 bucket name (3–63 lowercase letters, digits, dots and hyphens), not "Ledger_Digests"'],
    [{ SEAL_SINK_S3_PREFIX: 'prod/' }, 'SEAL_SINK_S3_PREFIX is set but SEAL_SINK_S3_BUCKET is not: name the bucket the seals are written to'],
    [{ SEAL_SINK_S3_BUCKET: 'ledger-digests' }, 'SEAL_SINK_S3_BUCKET is set but SEAL_SINK_S3_REGION is not: name the bucket’s region (e.g. eu-west-2)'],
    [{ SEAL_SINK_S3_BUCKET: 'ledger-digests', SEAL_SINK_S3_REGION: 'eu-west-2', SEAL_SINK_S3_ACCESS_KEY_ID: 'AKIAEXAMPLE' }, 'SEAL_SINK_S3_ACCESS_KEY_ID and SEAL_SINK_S3_SECRET_ACCESS_KEY go together: set both, or neither (the AWS SDK then finds credentials itself)'],
    [{ SEAL_SINK_S3_BUCKET: 'ledger-digests', SEAL_SINK_S3_REGION: 'eu-west-2', SEAL_SINK_S3_RETENTION_DAYS: '0' }, 'SEAL_SINK_S3_RETENTION_DAYS must be a whole number of days from 1 to 36500, not "0"'],
  ])('refuses %j: %s', (env, problem) => {
    expect(problemsOf(env)).toEqual([problem]);
  });

  it('keeps PostgreSQL as the log unless EVENT_STORE says eventstoredb; EVENTSTOREDB_URL alone names the other store for migrate-store', () => {
    expect(loadConfig({ EVENTSTOREDB_URL: 'esdb://localhost:2113?tls=false' })).toMatchObject({ eventStore: 'postgres', eventStoreDbUrl: 'esdb://localhost:2113?tls=false' });
  });

  it('never echoes a bad DATABASE_URL, which may hold a password', () => {
    const [problem] = problemsOf({ DATABASE_URL: 'mysql://ledger:hunter2@db/ledger' });
    expect(problem).toBe('DATABASE_URL must be a postgres:// or postgresql:// connection string (its value is not shown: it may hold a password)');
    expect(problem).not.toContain('hunter2');
  });

  it('names every bad variable at once, one line each', () => {
    expect(problemsOf({ PORT: 'abc', LOG_LEVEL: 'loud', HOST: 'example' })).toEqual([
      'PORT must be a whole number from 1 to 65535, not "abc"',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "loud"',
    ]);
  });

  it('gives tokens the audience the local issuer mints for', () => {
    expect(DEFAULT_OIDC_AUDIENCE).toBe(DEFAULT_AUDIENCE);
  });

  it('is the configuration table of README.md, variable for variable', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
    const documented = [...table.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(VARIABLES).sort());
  });
});
