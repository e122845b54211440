/**
 * The national ledger the national-scale figures run on: `ledger generate --collaborations N
 * --years Y --seed S` written ONCE into a database of a PostgreSQL server and reused by every later
 * run (generating 10,000 collaborations × 10 years takes a long while).
 *
 *   BENCH_NATIONAL_URL=postgres://postgres@127.0.0.1:5432/bench_national   (the default)
 *
 * is the server (its superuser) and the database. When the database holds no events it is
 * provisioned as a ledger database (the owner and app roles, migrations) and generated through the
 * built CLI (dist/apps/ledger-cli); when it holds events it is reused as it is. BENCH_NATIONAL_SHAPE
 * (`10000x10x1`, collaborations × years × seed) says what to generate.
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { migrateAs, provisionLedgerDatabase } from '#event-store';

export interface NationalLedger {
  /** The superuser's URL of the database (EXPLAIN, plain SELECTs, counts). */
  adminUrl: string;
  /** As the application connects (ledger_app). */
  appUrl: string;
  /** As migrations run (ledger_owner). */
  ownerUrl: string;
  events: number;
  generatedNow: boolean;
  generateSeconds?: number;
  shape: { collaborations: number; years: number; seed: number };
}

export const DEFAULT_NATIONAL_URL = 'postgres://postgres@127.0.0.1:5432/bench_national';

export function nationalShape(spec = process.env.BENCH_NATIONAL_SHAPE ?? '10000x10x1'): NationalLedger['shape'] {
  const m = /^(\d+)x(\d+)x(\d+)$/.exec(spec);
  if (!m) throw new Error(`BENCH_NATIONAL_SHAPE must be collaborationsxyearsxseed (10000x10x1), not ${spec}`);
  return { collaborations: Number(m[1]), years: Number(m[2]), seed: Number(m[3]) };
}

async function countEvents(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("SELECT CASE WHEN to_regclass('public.events') IS NULL THEN 0 ELSE (SELECT count(*) FROM events) END AS n");
    return Number(rows[0]!.n);
  } catch {
    return 0;
  } finally {
    await client.end();
  }
}

async function databaseExists(adminUrl: string): Promise<boolean> {
  const url = new URL(adminUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return ((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/** The national ledger at `adminUrl`: reused when it holds events, else provisioned and generated. */
export async function ensureNationalLedger(options: { adminUrl?: string; dataDir: string; log?: (line: string) => void }): Promise<NationalLedger> {
  const adminUrl = options.adminUrl ?? process.env.BENCH_NATIONAL_URL ?? DEFAULT_NATIONAL_URL;
  const log = options.log ?? ((line: string) => console.log(line));
  const shape = nationalShape();
  const url = new URL(adminUrl);
  const database = decodeURIComponent(url.pathname.slice(1));
  const server = new URL(adminUrl);
  server.pathname = '/postgres';
  const existing = (await databaseExists(adminUrl)) ? await countEvents(adminUrl) : 0;
  // The roles are the cluster's; provisioning is idempotent (and migrates nothing: the CLI does).
  const urls = await provisionLedgerDatabase(server.toString(), database, 'bench-national-password');
  await migrateAs(urls.ownerUrl);
  if (existing > 0) {
    log(`national ledger: reusing ${database} (${existing.toLocaleString('en-GB')} events)`);
    return { adminUrl, ...urls, events: existing, generatedNow: false, shape };
  }
  log(`national ledger: generating ${shape.collaborations} collaborations × ${shape.years} years, seed ${shape.seed}, into ${database} (once; later runs reuse it)`);
  const dataDir = join(options.dataDir, 'national');
  await mkdir(dataDir, { recursive: true });
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/apps/ledger-cli/src/main.js', 'generate', '--collaborations', String(shape.collaborations), '--years', String(shape.years), '--seed', String(shape.seed)], {
      env: { ...process.env, DATABASE_URL: urls.appUrl, MIGRATION_DATABASE_URL: urls.ownerUrl, LEDGER_DATA_DIR: dataDir, SEAL_KEY_DIR: join(dataDir, 'seal-key'), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (chunk: Buffer) => log(chunk.toString().trimEnd()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ledger generate exited ${code}`))));
  });
  const generateSeconds = (performance.now() - started) / 1000;
  return { adminUrl, ...urls, events: await countEvents(adminUrl), generatedNow: true, generateSeconds, shape };
}
