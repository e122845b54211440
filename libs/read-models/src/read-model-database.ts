import { DataSource } from 'typeorm';
import { READ_MODEL_ENTITIES } from './entities.js';

/**
 * The read models' TypeORM data source, on the ledger's database. Read-model tables are disposable
 * (rebuilt from the log), so TypeORM creates them from the entities; the log's own tables come from
 * the SQL migrations and are never touched here.
 */
/** `prefix` opens the same entities under prefixed table names: where a new projection version is built (blue-green). */
export async function openReadModelDatabase(url: string, poolSize = 5, prefix?: string): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: READ_MODEL_ENTITIES,
    synchronize: true,
    extra: { max: poolSize },
    logging: false,
    ...(prefix ? { entityPrefix: prefix } : {}),
  });
  return dataSource.initialize();
}
