import { join } from 'node:path';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as Pino } from 'pino';
import { EventStoreModule } from '#event-store';
import { CommandPolicyModule, DemoDataModule, FORCE_CODES, GovernanceModule, personalFieldsOf } from '#governance';
import { IntegrityModule, type SealingSettings } from '#integrity';
import { ReadModelsModule } from '#read-models';
import { type IdentitySettings, IdentityModule, type RateLimits } from '#identity';
import { DATABASE_INFO } from './database-info.js';
import { HealthController } from './health/health.controller.js';
import { MeController } from './me/me.controller.js';
import { METRICS_ACCESS, type MetricsAccess, MetricsController } from './metrics.controller.js';
import { RequestsInFlight } from './load-shedding.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';
import { SIGN_IN_SETTINGS, SignInController } from './sign-in/sign-in.controller.js';
import { WebAppController } from './web-app/web-app.controller.js';
import { WEB_APP_OPTIONS, type WebAppOptions } from './web-app/web-app.js';

export interface AppModuleOptions {
  databaseUrl: string;
  /** The owner role's connection string, for migrations (default: databaseUrl). */
  migrationDatabaseUrl?: string;
  embeddedDatabase: boolean;
  databasePoolSize: number;
  /** Group-committed append transactions in flight at once (default 2). */
  appendConcurrency?: number;
  /** Requests answered at once before more are refused 503 Overloaded (default 256; apps/ledger-api/src/load-shedding.ts). */
  maxRequestsInFlight?: number;
  /** EVENT_STORE=eventstoredb: the log's EventStoreDB/KurrentDB connection string (read models stay in PostgreSQL). */
  eventStoreDbUrl?: string;
  logger: Pino;
  identity: IdentitySettings;
  rateLimits: RateLimits;
  /** METRICS_TOKEN: /metrics answers only to it as a bearer token; unset: only to loopback clients. */
  metricsToken?: string;
  /** Run the projections in this process (default true); false when apps/ledger-projector runs them. */
  runProjections?: boolean;
  /** Load the demo history into an empty ledger at start (default false). */
  demoData?: boolean;
  /** Where the built web app is (dist/apps/ledger-web); unset: `/` says the web app is not served. */
  webApp?: WebAppOptions;
  /** BACKDATING_WINDOW_DAYS: how far back an ordinary user may date an act (default 30). */
  backdatingWindowDays?: number;
  /** Signed seals (libs/config SEAL_*); default: only on demand, the key in identity.dataDir/seal-key, no sinks. */
  sealing?: SealingSettings;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger: options.logger,
            genReqId: (request, response) => {
              const given = request.headers['x-correlation-id'];
              const id = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : crypto.randomUUID();
              response.setHeader('x-correlation-id', id);
              return id;
            },
            autoLogging: { ignore: (request) => request.url === '/health' },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
        }),
        TerminusModule.forRoot({ logger: false }),
        EventStoreModule.forRoot({ url: options.databaseUrl, migrationUrl: options.migrationDatabaseUrl, poolSize: options.databasePoolSize, maxConcurrentBatches: options.appendConcurrency, eventStoreDbUrl: options.eventStoreDbUrl, personalFields: personalFieldsOf }),
        // A token's force claim must name a force of the register the ledger keeps.
        IdentityModule.forRoot({ ...options.identity, knownForces: FORCE_CODES }, options.rateLimits),
        CommandPolicyModule.forRoot({ backdatingWindowDays: options.backdatingWindowDays ?? 30 }),
        GovernanceModule,
        DemoDataModule.forRoot({ load: options.demoData ?? false }),
        IntegrityModule.forRoot(options.sealing ?? { intervalSeconds: 0, keyDir: join(options.identity.dataDir, 'seal-key'), sinks: {} }),
        ReadModelsModule.forRoot({ url: options.databaseUrl, runProjections: options.runProjections ?? true }),
      ],
      controllers: [WebAppController, HealthController, MeController, MetricsController, SignInController],
      providers: [
        { provide: SIGN_IN_SETTINGS, useValue: { issuer: options.identity.issuer, clientId: options.identity.clientId, audience: options.identity.audience } },
        { provide: WEB_APP_OPTIONS, useValue: options.webApp ?? {} },
        { provide: DATABASE_INFO, useValue: { embedded: options.embeddedDatabase } },
        { provide: METRICS_ACCESS, useValue: { token: options.metricsToken } satisfies MetricsAccess },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: RequestsInFlight, useValue: new RequestsInFlight(options.maxRequestsInFlight) },
      ],
    };
  }
}
