import { type DynamicModule, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { EVENT_STORE, type EventStore } from './event-store.port.js';
import { type AppliedMigration, migrate } from './postgres/migrations.js';
import { ledgerPoolOptions } from './postgres/pool-options.js';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store.js';
import { EventStoreDbEventStore, connectEventStoreDb } from './eventstoredb/eventstoredb-event-store.js';
import { type PersonalFields, PersonalDataEventStore, PostgresPersonalDataKeys } from './personal-data/personal-data-store.js';
import { PostgresStateSnapshots } from './snapshots/postgres-state-snapshots.js';

export const PG_POOL = Symbol.for('governance-ledger.PgPool');
/**
 * The log exactly as stored: personal names as ciphertext envelopes. For what must see the stored
 * bytes — the raw record, proofs, the sealer, verify, copies. EVENT_STORE is the domain's view of
 * the same log (names decrypted, or shown erased), when personal fields are declared.
 */
export const RAW_EVENT_STORE = Symbol.for('governance-ledger.RawEventStore');

export interface EventStoreModuleOptions extends PostgresEventStoreOptions {
  url: string;
  /** The owner role's connection string: migrations run as it, the application never does (default: url). */
  migrationUrl?: string;
  poolSize?: number;
  /**
   * EVENT_STORE=eventstoredb: the log is in the EventStoreDB/KurrentDB cluster this connection string
   * names, and PostgreSQL (`url`) keeps only the read models and their checkpoints.
   */
  eventStoreDbUrl?: string;
  /** The domain's personal fields (libs/governance): encrypted per person on append, decrypted on read through EVENT_STORE. */
  personalFields?: PersonalFields;
}

@Injectable()
class EventStoreShutdown implements OnApplicationShutdown {
  private readonly logger = new Logger('EventStore');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    await this.pool.end();
    this.logger.log('event store closed: pending appends committed, connection pool ended');
  }
}

/** Applies the migrations through a connection of their own (the owner role's), then closes it. */
export async function migrateAs(url: string): Promise<AppliedMigration[]> {
  const pool = new pg.Pool(ledgerPoolOptions(url, 1));
  try {
    return await migrate(pool);
  } finally {
    await pool.end();
  }
}

/** The event store for the whole application: PostgreSQL (migrated on start), or EventStoreDB with PostgreSQL for the read models. */
@Module({})
export class EventStoreModule {
  static forRoot(options: EventStoreModuleOptions): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      providers: [
        {
          provide: PG_POOL,
          useFactory: async () => {
            const logger = new Logger('EventStore');
            const pool = new pg.Pool(ledgerPoolOptions(options.url, options.poolSize ?? 10));
            pool.on('error', (error) => logger.error(`idle database connection failed: ${error.message}`));
            const applied = (await migrateAs(options.migrationUrl ?? options.url)).filter((m) => m.applied).map((m) => m.version);
            logger.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'schema up to date');
            return pool;
          },
        },
        {
          provide: RAW_EVENT_STORE,
          useFactory: (pool: pg.Pool) =>
            options.eventStoreDbUrl ? new EventStoreDbEventStore(connectEventStoreDb(options.eventStoreDbUrl)) : new PostgresEventStore(pool, options),
          inject: [PG_POOL],
        },
        {
          provide: EVENT_STORE,
          // Snapshots of long streams' state sit beside a PostgreSQL log only (each is checked against its event's hash there).
          useFactory: (raw: EventStore, pool: pg.Pool) =>
            options.personalFields
              ? new PersonalDataEventStore(raw, new PostgresPersonalDataKeys(pool), options.personalFields, raw instanceof PostgresEventStore ? new PostgresStateSnapshots(pool) : undefined)
              : raw,
          inject: [RAW_EVENT_STORE, PG_POOL],
        },
        EventStoreShutdown,
      ],
      exports: [PG_POOL, EVENT_STORE, RAW_EVENT_STORE],
    };
  }
}
