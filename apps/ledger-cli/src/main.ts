import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { DEFAULT_AUDIENCE, LocalIssuer } from '#identity';
import { FORCE_CODE, ROLES, isRole } from '#shared-kernel';

const USAGE = `ledger — the governance ledger's command line

  npm run ledger -- token --role <role> [--force <code>] --name "<name>" [--person <id>] [--ttl <hours>]
      Mint a bearer token from the local issuer (the one \`npm start\` uses when OIDC_ISSUER is unset),
      kept in $LEDGER_DATA_DIR/local-issuer (default ./data). Roles: ${ROLES.join(', ')}.
      Example: npm run ledger -- token --role chief-officer --force kent --name "Chief Constable of Kent"
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
      audience: { type: 'string', default: process.env.OIDC_AUDIENCE || DEFAULT_AUDIENCE },
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
  const issuer = await LocalIssuer.openOrCreate(resolve(process.env.LEDGER_DATA_DIR ?? 'data'));
  const jwt = await issuer.mint(
    { personId: values.person ?? randomUUID(), name: values.name!.trim(), role: values.role, ...(values.force ? { force: values.force } : {}) },
    { ttlSeconds: Math.round(hours * 3600), audience: values.audience },
  );
  process.stdout.write(`${jwt}\n`);
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
  case undefined:
  case 'help':
  case '--help':
    process.stdout.write(USAGE);
    break;
  default:
    fail(`unknown command "${command}"`);
}
