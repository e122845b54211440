import { randomUUID } from 'node:crypto';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { FORCE_CODE, ROLES, type Role, isRole } from '#shared-kernel';
import { type CliContext, usageError } from '../cli.js';

interface TokenOptions {
  role?: Role;
  force?: string;
  name?: string;
  person?: string;
  ttl: number;
  audience: string;
}

const FORCE_ROLES: readonly Role[] = ['chief-officer', 'policing-body', 'collaboration-manager'];

const role = (value: string): Role => {
  if (!isRole(value)) throw new InvalidArgumentError(`--role must be one of ${ROLES.join(', ')}`);
  return value;
};
const force = (value: string): string => {
  if (!FORCE_CODE.test(value)) throw new InvalidArgumentError('--force must be a force code such as kent or devon-and-cornwall');
  return value;
};
/** Hours, more than 0 and at most what the API accepts (TOKEN_MAX_LIFETIME_HOURS): a longer token would be refused. */
const hoursUpTo = (max: number) => (value: string): number => {
  const parsed = Number(value);
  if (!(value.trim() !== '' && parsed > 0 && parsed <= max)) throw new InvalidArgumentError(`--ttl is in hours, more than 0 and at most ${max} (TOKEN_MAX_LIFETIME_HOURS)`);
  return parsed;
};

/** `ledger token`: a bearer token from the local issuer, for trying the API as any role. */
export function registerToken(program: Command, { config, stdout }: CliContext): void {
  program
    .command('token')
    .summary('mint a bearer token from the local issuer')
    .description(
      `Mint a bearer token from the local issuer (the one the API uses when OIDC_ISSUER is unset), kept in ${config.dataDir}/local-issuer ($LEDGER_DATA_DIR). The token is the only thing written to standard output.`,
    )
    .addOption(new Option('--role <role>', 'the role the token carries (required)').choices(ROLES).argParser(role))
    .addOption(new Option('--force <code>', `the force the person acts for (required for ${FORCE_ROLES.join(', ')})`).argParser(force))
    .option('--name <name>', 'the person\'s name (required)')
    .option('--person <id>', 'the person\'s stable id (default: a new UUID)')
    .addOption(new Option('--ttl <hours>', `how long the token is valid, in hours (at most ${config.identity.maxLifetimeSeconds / 3600}, TOKEN_MAX_LIFETIME_HOURS)`).default(Math.min(8, config.identity.maxLifetimeSeconds / 3600)).argParser(hoursUpTo(config.identity.maxLifetimeSeconds / 3600)))
    .option('--audience <audience>', 'the audience the token names (OIDC_AUDIENCE)', config.identity.audience)
    .addHelpText('after', '\nExample:\n  npm run ledger -- token --role chief-officer --force kent --name "Chief Constable of Kent"')
    .action(async (_options: TokenOptions, command: Command) => {
      const options = command.opts<TokenOptions>();
      if (!options.role) usageError(command, `--role is required: one of ${ROLES.join(', ')}`);
      if (FORCE_ROLES.includes(options.role) && !options.force) usageError(command, `a ${options.role} acts for a force: give --force`);
      const name = options.name?.trim();
      if (!name) usageError(command, '--name is required');
      const { LocalIssuer } = await import('#identity');
      const issuer = await LocalIssuer.openOrCreate(config.dataDir);
      const jwt = await issuer.mint(
        { personId: options.person ?? randomUUID(), name, role: options.role, ...(options.force ? { force: options.force } : {}) },
        { ttlSeconds: Math.round(options.ttl * 3600), audience: options.audience },
      );
      stdout.write(`${jwt}\n`);
    });
}
