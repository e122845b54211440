import { type DynamicModule, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { EVENT_STORE, type EventStore } from './event-store.port.js';
import { migrate } from './postgres/migrations.js';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store.js';

export const PG_POOL = Symbol.for('governance-ledger.PgPool');

export interface EventStoreModuleOptions extends PostgresEventStoreOptions {
  url: string;
  poolSize?: number;
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

/** The PostgreSQL event store, migrated on start, for the whole application. */
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
            const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
            pool.on('error', (error) => logger.error(`idle database connection failed: ${error.message}`));
            const applied = (await migrate(pool)).filter((m) => m.applied).map((m) => m.version);
            logger.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'schema up to date');
            return pool;
          },
        },
        { provide: EVENT_STORE, useFactory: (pool: pg.Pool) => new PostgresEventStore(pool, options), inject: [PG_POOL] },
        EventStoreShutdown,
      ],
      exports: [PG_POOL, EVENT_STORE],
    };
  }
}
