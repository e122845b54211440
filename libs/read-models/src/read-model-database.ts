import { DataSource } from 'typeorm';
import { ledgerPoolOptions } from '#event-store';
import { ProjectionCheckpoint } from './checkpoint.entity.js';
import { PROJECTIONS } from './projections.js';

export const READ_MODEL_ENTITIES = [ProjectionCheckpoint, ...PROJECTIONS.map((p) => p.entity)];

/**
 * The read models' TypeORM data source, on the ledger's database. Read-model tables are disposable
 * (rebuilt from the log): the projection runner creates each from its entity when its version first
 * runs (ProjectionRunner.prepare), never by synchronising live tables at start. The log's own tables
 * come from the SQL migrations and are never touched here.
 */
export async function openReadModelDatabase(url: string, poolSize = 5): Promise<DataSource> {
  const dataSource = new DataSource({ type: 'postgres', url, entities: READ_MODEL_ENTITIES, synchronize: false, extra: ledgerPoolOptions(url, poolSize), logging: false });
  return dataSource.initialize();
}
