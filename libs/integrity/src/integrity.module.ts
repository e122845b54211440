import { type BeforeApplicationShutdown, type DynamicModule, Inject, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type pg from 'pg';
import { EVENT_STORE, type EventStore, PG_POOL, RAW_EVENT_STORE } from '#event-store';
import { IntegrityController } from './integrity.controller.js';
import { PROOF_SERVICE, READ_ACCESS_LOG_WRITER, SEAL_KEYRING, SEALER } from './integrity.tokens.js';
import { ProofService } from './proofs.js';
import { RawEventsController } from './raw-events.controller.js';
import { ReadAccessInterceptor, ReadAccessLog } from './read-access/read-access-log.js';
import { SealKeyring } from './seal-keys.js';
import { Sealer } from './sealer.js';
import { type DigestSink, FileSink, type S3Commands, type S3Like, S3Sink } from './sinks.js';

/** The sealing settings (libs/config's LedgerConfig.sealing). */
export interface SealingSettings {
  intervalSeconds: number;
  keyDir: string;
  sinks: {
    directory?: string;
    s3?: { bucket: string; prefix: string; region: string; endpoint?: string; retentionDays: number; credentials?: { accessKeyId: string; secretAccessKey: string } };
  };
}

/** The sinks the settings name; the S3 client library is loaded only when a bucket is configured. */
export async function sinksFrom(settings: SealingSettings['sinks']): Promise<DigestSink[]> {
  const sinks: DigestSink[] = [];
  if (settings.directory) sinks.push(new FileSink(settings.directory));
  if (settings.s3) {
    const { S3Client, PutObjectCommand, GetObjectCommand } = await import('@aws-sdk/client-s3');
    const { bucket, prefix, region, endpoint, retentionDays, credentials } = settings.s3;
    // Path-style addressing for S3-compatible stores (MinIO, Ceph) named by endpoint.
    const client = new S3Client({ region, ...(endpoint ? { endpoint, forcePathStyle: true } : {}), ...(credentials ? { credentials } : {}) });
    sinks.push(new S3Sink(client as unknown as S3Like, { PutObjectCommand, GetObjectCommand } as unknown as S3Commands, { bucket, prefix, retentionDays }));
  }
  return sinks;
}

@Injectable()
class IntegrityLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(SEALER) private readonly sealer: Sealer,
    @Inject(READ_ACCESS_LOG_WRITER) private readonly accessLog: ReadAccessLog,
  ) {}

  onApplicationBootstrap(): void {
    this.sealer.start();
  }

  /** Before the connection pool ends: the sealer stops between seals, the queued read-access entries are written. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.sealer.stop();
    await this.accessLog.close();
  }
}

/**
 * What an auditor checks the ledger with: the raw record, the sealer and its signed tree heads,
 * inclusion and consistency proofs, and the read-access log.
 */
@Module({})
export class IntegrityModule {
  static forRoot(settings: SealingSettings): DynamicModule {
    return {
      module: IntegrityModule,
      controllers: [RawEventsController, IntegrityController],
      providers: [
        { provide: SEAL_KEYRING, useFactory: () => SealKeyring.openOrCreate(settings.keyDir) },
        {
          provide: SEALER,
          useFactory: async (store: EventStore, pool: pg.Pool, keys: SealKeyring) => {
            const logger = new Logger('Sealer');
            return new Sealer(store, pool, keys, { intervalMs: settings.intervalSeconds * 1000, sinks: await sinksFrom(settings.sinks), log: (message) => logger.warn(message) });
          },
          inject: [RAW_EVENT_STORE, PG_POOL, SEAL_KEYRING],
        },
        { provide: PROOF_SERVICE, useFactory: (store: EventStore, sealer: Sealer) => new ProofService(store, sealer.seals), inject: [RAW_EVENT_STORE, SEALER] },
        {
          provide: READ_ACCESS_LOG_WRITER,
          useFactory: (pool: pg.Pool, store: EventStore) => {
            const logger = new Logger('ReadAccessLog');
            return new ReadAccessLog(pool, store, { log: (message) => logger.warn(message) });
          },
          inject: [PG_POOL, EVENT_STORE],
        },
        { provide: APP_INTERCEPTOR, useClass: ReadAccessInterceptor },
        IntegrityLifecycle,
      ],
      exports: [SEALER, READ_ACCESS_LOG_WRITER, SEAL_KEYRING],
    };
  }
}
