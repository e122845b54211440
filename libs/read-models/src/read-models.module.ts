import { type DynamicModule, Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '#event-store';
import { PROJECTIONS } from './projections.js';
import { ProjectionRunner } from './projection-runner.js';
import { openReadModelDatabase } from './read-model-database.js';
import { AwaitingController } from './awaiting/awaiting.controller.js';
import { EventsBehindController } from './events-behind/events-behind.controller.js';
import { RegisterAsAtController } from './register-as-at/register-as-at.controller.js';
import { BenefitsAgainstPlanController } from './benefits-against-plan/benefits-against-plan.controller.js';
import { DecisionLogController } from './decision-log/decision-log.controller.js';
import { IndicatorsController } from './indicators/indicators.controller.js';
import { OfficeHoldersController } from './office-holders/office-holders.controller.js';
import { PublicRegisterController } from './public-register/public-register.controller.js';
import { ReadAfterInterceptor } from './read-after.js';
import { READ_MODEL_DATABASE } from './read-models.tokens.js';
import { RecommendationsTrackerController } from './recommendations-tracker/recommendations-tracker.controller.js';
import { RegisterController } from './register/register.controller.js';
import { RiskAppetiteAlignmentController } from './risk-appetite/risk-appetite.controller.js';
import { SignatureMatrixController } from './signature-matrix/signature-matrix.controller.js';
import { TimelineController } from './timeline/timeline.controller.js';

export { READ_MODEL_DATABASE };

export interface ReadModelsOptions {
  url: string;
  /** Run the projections in this process (the one-process default); false when apps/ledger-projector runs them. */
  runProjections: boolean;
}

@Injectable()
class ProjectionLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(READ_MODEL_DATABASE) private readonly dataSource: DataSource,
    @Inject('READ_MODELS_RUN') private readonly run: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // The tables exist (empty, or from an earlier run) before any route reads them.
    await this.runner.prepareAll();
    if (this.run) await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.dataSource.destroy();
  }
}

/** The projected read models, their routes, and (by default) the runner that keeps them current. */
@Module({})
export class ReadModelsModule {
  static forRoot(options: ReadModelsOptions): DynamicModule {
    return {
      module: ReadModelsModule,
      controllers: [
        RegisterAsAtController,
        RegisterController,
        PublicRegisterController,
        SignatureMatrixController,
        OfficeHoldersController,
        DecisionLogController,
        BenefitsAgainstPlanController,
        RecommendationsTrackerController,
        RiskAppetiteAlignmentController,
        IndicatorsController,
        TimelineController,
        AwaitingController,
        EventsBehindController,
      ],
      providers: [
        { provide: READ_MODEL_DATABASE, useFactory: () => openReadModelDatabase(options.url) },
        { provide: 'READ_MODELS_RUN', useValue: options.runProjections },
        {
          provide: ProjectionRunner,
          useFactory: (store: EventStore, dataSource: DataSource) => {
            const logger = new Logger('Projections');
            return new ProjectionRunner(store, dataSource, PROJECTIONS, { log: (message) => logger.warn(message) });
          },
          inject: [EVENT_STORE, READ_MODEL_DATABASE],
        },
        ProjectionLifecycle,
        ReadAfterInterceptor,
      ],
      exports: [ProjectionRunner, READ_MODEL_DATABASE],
    };
  }
}
