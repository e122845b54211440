import pg from 'pg';

/**
 * Least privilege on a cluster we provision ourselves (the embedded PostgreSQL, the tests):
 *  - `ledger_owner` owns the database and the log's tables and functions; migrations run as it.
 *  - `ledger_app` is what the API and projector log in as: it may read the log and EXECUTE
 *    ledger_append (a SECURITY DEFINER function), nothing more on the log; it owns the schema
 *    `read_models`, first on its search_path, where the projections keep their tables.
 * A deployment on its own server creates the same two roles (docs/operations.md) and passes
 * MIGRATION_DATABASE_URL (owner) and DATABASE_URL (app).
 */
export const OWNER_ROLE = 'ledger_owner';
export const APP_ROLE = 'ledger_app';
export const READ_MODEL_SCHEMA = 'read_models';

export interface LedgerDatabaseUrls {
  /** For the application: the ledger_app role. */
  appUrl: string;
  /** For migrations: the ledger_owner role. */
  ownerUrl: string;
}

const withCredentials = (adminUrl: string, role: string, password: string, database: string) => {
  const url = new URL(adminUrl);
  url.username = role;
  url.password = password;
  url.pathname = `/${database}`;
  return url.toString();
};

/** Runs SQL on a fresh connection to one database of the cluster, as the admin. */
async function asAdmin<T>(adminUrl: string, database: string | undefined, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(adminUrl);
  if (database) url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates a role unless it exists (another process may be creating it at the same moment). */
async function ensureRole(client: pg.Client, role: string, password: string): Promise<void> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (!rowCount) {
    try {
      await client.query(`CREATE ROLE ${pg.escapeIdentifier(role)} LOGIN PASSWORD ${pg.escapeLiteral(password)}`);
    } catch (error) {
      if ((error as { code?: string }).code !== '42710' && (error as { code?: string }).code !== '23505') throw error; // created meanwhile
    }
  }
  // Two processes provisioning at once (test files in parallel) can update the role's row together:
  // PostgreSQL then refuses one with "tuple concurrently updated", and the same statement again succeeds.
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`ALTER ROLE ${pg.escapeIdentifier(role)} LOGIN PASSWORD ${pg.escapeLiteral(password)} NOSUPERUSER NOCREATEROLE NOCREATEDB NOBYPASSRLS`);
      return;
    } catch (error) {
      if (attempt >= 5 || !/tuple concurrently updated/.test((error as Error).message)) throw error;
    }
  }
}

/**
 * Makes `database` a ledger database with the two roles, as the cluster's superuser (`adminUrl`).
 * Idempotent. A database made before least privilege (owned by the superuser) is handed to the
 * owner role; its read-model tables in `public` are dropped (they are rebuilt from the log).
 */
export async function provisionLedgerDatabase(adminUrl: string, database: string, password: string): Promise<LedgerDatabaseUrls> {
  await asAdmin(adminUrl, undefined, async (client) => {
    // Two processes provisioning at once (test files starting together, an API and a projector)
    // would race on the roles' catalogue rows ("tuple concurrently updated"): one at a time.
    await client.query("SELECT pg_advisory_lock(hashtext('governance-ledger:provision-roles'))");
    await ensureRole(client, OWNER_ROLE, password);
    await ensureRole(client, APP_ROLE, password);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)} OWNER ${OWNER_ROLE}`);
    else await client.query(`ALTER DATABASE ${pg.escapeIdentifier(database)} OWNER TO ${OWNER_ROLE}`);
  });
  await asAdmin(adminUrl, database, async (client) => {
    // Objects of the log made by an earlier, all-powerful connection now belong to the owner role.
    const { rows } = await client.query<{ kind: string; name: string }>(
      `SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind, quote_ident(c.relname) AS name
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S') AND pg_get_userbyid(c.relowner) NOT IN ($1, $2)
          AND c.relname NOT LIKE 'rm\\_%' AND c.relname NOT LIKE 'bg\\_rm\\_%' AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'a'))
       UNION ALL
       SELECT 'FUNCTION', p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) NOT IN ($1, $2)`,
      [OWNER_ROLE, APP_ROLE],
    );
    for (const { kind, name } of rows) await client.query(`ALTER ${kind} ${name} OWNER TO ${OWNER_ROLE}`);
    const { rows: legacy } = await client.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND (tablename LIKE 'rm\\_%' OR tablename LIKE 'bg\\_rm\\_%')`,
    );
    for (const { name } of legacy) await client.query(`DROP TABLE public.${name}`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${READ_MODEL_SCHEMA} AUTHORIZATION ${APP_ROLE}`);
    await client.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await client.query(`REVOKE ALL ON DATABASE ${pg.escapeIdentifier(database)} FROM PUBLIC`);
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${pg.escapeIdentifier(database)} TO ${OWNER_ROLE}`);
    await client.query(`GRANT CONNECT ON DATABASE ${pg.escapeIdentifier(database)} TO ${APP_ROLE}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await client.query(`ALTER ROLE ${APP_ROLE} IN DATABASE ${pg.escapeIdentifier(database)} SET search_path = ${READ_MODEL_SCHEMA}, public`);
  });
  return { appUrl: withCredentials(adminUrl, APP_ROLE, password, database), ownerUrl: withCredentials(adminUrl, OWNER_ROLE, password, database) };
}
