import type { Command } from 'commander';
import { type CliContext, openLedgerDatabase, usageError } from '../cli.js';

interface ForgetOptions {
  json?: boolean;
}

/**
 * `ledger forget <person-id>`: erase a person's personal data (UK GDPR art. 17) without changing a
 * byte of the log: destroy their keys, so the names encrypted with them can never be read again,
 * then rebuild the read models, which show those names as erased. Every hash, chain and seal still
 * verifies: they cover the ciphertext. The owner's act (MIGRATION_DATABASE_URL), never the API's.
 */
export function registerForget(program: Command, { config, stdout }: CliContext): void {
  program
    .command('forget')
    .summary('erase a person’s personal data: destroy their keys, rebuild the read models')
    .description(
      'Destroy every key of the person (personal_data_keys; the row stays, with when it was erased), so that their name, stored encrypted wherever they are not a public office holder, can never be decrypted again; the table is then rewritten (VACUUM FULL) so the key does not linger in its pages. Then rebuild every read model, which shows the name as "[erased]". The log is unchanged: `ledger verify` still passes. Backups and WAL archives made before hold the key until they expire: see docs/integrity.md, "Personal data and erasure". Runs as the owner role (MIGRATION_DATABASE_URL, or the embedded cluster’s owner).',
    )
    .argument('<person-id>', 'the person’s stable id (the token’s sub, as events record it)')
    .option('--json', 'the outcome as one JSON object')
    .action(async (personId: string, options: ForgetOptions, command: Command) => {
      if (!/^[\x21-\x7e]{1,200}$/.test(personId)) usageError(command, 'the person id must be 1–200 printable characters without spaces');
      const [{ default: pg }, { PROJECTIONS, ProjectionRunner }] = await Promise.all([import('pg'), import('#read-models')]);
      const database = await openLedgerDatabase(config, 3);
      let destroyed = 0;
      let rebuilt = 0;
      try {
        const owner = new pg.Client({ connectionString: database.migrationUrl });
        await owner.connect();
        try {
          destroyed = (await owner.query<{ n: number }>('SELECT ledger_forget_person($1) AS n', [personId])).rows[0]!.n;
          // The old row versions hold the key until the table is rewritten.
          if (destroyed > 0) await owner.query('VACUUM FULL personal_data_keys');
        } finally {
          await owner.end();
        }
        if (destroyed > 0) {
          const runner = new ProjectionRunner(database.readable, database.readModels, PROJECTIONS, { batchSize: 1000 });
          for (const projection of PROJECTIONS) {
            await runner.rebuild(projection);
            rebuilt++;
          }
        }
      } finally {
        await database.close();
      }
      if (options.json) stdout.write(`${JSON.stringify({ personId, keysDestroyed: destroyed, readModelsRebuilt: rebuilt })}\n`);
      else if (destroyed === 0) stdout.write(`no live personal-data key for ${personId}: nothing to erase (never named, or already forgotten)\n`);
      else stdout.write(`${personId} forgotten: ${destroyed} key${destroyed === 1 ? '' : 's'} destroyed, ${rebuilt} read models rebuilt; their name now reads "[erased]" everywhere, and the log still verifies\n`);
    });
}
