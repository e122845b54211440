import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfigOrExit } from '#config';
import { PostgresEventStore, connectDatabase } from '#event-store';
import { PROJECTIONS, ProjectionRunner, openReadModelDatabase } from '#read-models';
import { LocalIssuer } from '#identity';
import { FORCE_CODE, ROLES, isRole } from '#shared-kernel';

const config = loadConfigOrExit(process.env, { program: 'ledger', exitCode: 2 });

const USAGE = `ledger — the governance ledger's command line

  npm run ledger -- token --role <role> [--force <code>] --name "<name>" [--person <id>] [--ttl <hours>]
      Mint a bearer token from the local issuer (the one \`npm start\` uses when OIDC_ISSUER is unset),
      kept in $LEDGER_DATA_DIR/local-issuer (default ./data). Roles: ${ROLES.join(', ')}.
      Example: npm run ledger -- token --role chief-officer --force kent --name "Chief Constable of Kent"

  npm run ledger -- rebuild <projection>|--all
      Empty a read model and rebuild it from the log, showing progress and events/s. Works beside a
      running API (its runner and this one never apply a page twice). Projections: ${PROJECTIONS.map((p) => p.name).join(', ')}.
      Uses DATABASE_URL, else the embedded PostgreSQL of $LEDGER_DATA_DIR (running or not).
`;

async function token(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      force: { type: 'string' },
      name: { type: 'string' },
      person: { type: 'string' },
      ttl: { type: 'string', default: '8' },
      audience: { type: 'string', default: config.identity.audience },
    },
    strict: true,
  });
  if (!isRole(values.role)) fail(`--role must be one of ${ROLES.join(', ')}`);
  if (values.force !== undefined && !FORCE_CODE.test(values.force)) fail('--force must be a force code such as kent or devon-and-cornwall');
  if ((values.role === 'chief-officer' || values.role === 'policing-body' || values.role === 'collaboration-manager') && !values.force) {
    fail(`a ${values.role} acts for a force: give --force`);
  }
  if (!values.name?.trim()) fail('--name is required');
  const hours = Number(values.ttl);
  if (!(hours > 0 && hours <= 24 * 30)) fail('--ttl is in hours, more than 0 and at most 720');
  const issuer = await LocalIssuer.openOrCreate(config.dataDir);
  const jwt = await issuer.mint(
    { personId: values.person ?? randomUUID(), name: values.name!.trim(), role: values.role, ...(values.force ? { force: values.force } : {}) },
    { ttlSeconds: Math.round(hours * 3600), audience: values.audience },
  );
  process.stdout.write(`${jwt}\n`);
}

async function rebuild(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { all: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  if (!values.all && positionals.length !== 1) fail('name one projection, or --all');
  const database = await connectDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'postgres') });
  const pool = new pg.Pool({ connectionString: database.url, max: 3 });
  const dataSource = await openReadModelDatabase(database.url, 3);
  try {
    const runner = new ProjectionRunner(new PostgresEventStore(pool), dataSource, PROJECTIONS, { batchSize: 1000 });
    const chosen = values.all ? runner.projections : [runner.projection(positionals[0]!)];
    const { rows } = await pool.query<{ total: number }>('SELECT count(*)::int AS total FROM events');
    const total = Math.max(1, rows[0]!.total);
    for (const projection of chosen) {
      const started = performance.now();
      const show = (read: number) => {
        const done = Math.min(1, read / total);
        const rate = read / Math.max(0.001, (performance.now() - started) / 1000);
        const bar = '█'.repeat(Math.round(done * 30)).padEnd(30, '░');
        process.stdout.write(`\r${projection.name.padEnd(22)} ${bar} ${String(read).padStart(9)}/${total} events  ${Math.round(rate)} events/s`);
      };
      show(0);
      const read = await runner.rebuild(projection, show);
      show(read);
      process.stdout.write(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    }
  } finally {
    await dataSource.destroy();
    await pool.end();
    await database.stop();
  }
}

function fail(message: string): never {
  process.stderr.write(`ledger: ${message}\n\n${USAGE}`);
  process.exit(2);
}

const [command, ...rest] = process.argv.slice(2);
switch (command) {
  case 'token':
    await token(rest).catch((error: Error) => fail(error.message));
    break;
  case 'rebuild':
    await rebuild(rest).catch((error: Error) => fail(error.message));
    break;
  case undefined:
  case 'help':
  case '--help':
    process.stdout.write(USAGE);
    break;
  default:
    fail(`unknown command "${command}"`);
}
