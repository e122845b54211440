import { type DynamicModule, Inject, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#event-store';
import { GovernanceModule } from '../governance.module.js';
import { LedgerCommands } from '../ledger-commands.js';
import { DemoHistory } from './demo-data.js';
import { DemoOpenBusiness } from './demo-open-business.js';

/** Whether to load the demo history into an empty ledger at start (LEDGER_DEMO_DATA, through the app's config). */
export const DEMO_DATA_OPTIONS = Symbol.for('governance-ledger.DemoDataOptions');

export interface DemoDataOptions {
  load: boolean;
}

/** Loads the demo history into an empty ledger when told to (`npm start` on its embedded database). */
@Injectable()
export class DemoDataSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');

  constructor(
    private readonly commands: LedgerCommands,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DEMO_DATA_OPTIONS) private readonly options: DemoDataOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.load) return;
    if ((await this.store.head()).position > 0) return;
    const started = Date.now();
    await new DemoHistory(this.commands).load();
    await new DemoOpenBusiness(this.commands, this.store).load();
    this.logger.log(`demo history loaded in ${Date.now() - started} ms: eight collaborations from the public record, illustrative where the record is silent, and some business left open to act on`);
  }
}

/** The demo history's loader, entering it through the governance commands; `load: false` leaves the ledger as it is. */
@Module({})
export class DemoDataModule {
  static forRoot(options: DemoDataOptions): DynamicModule {
    return {
      module: DemoDataModule,
      imports: [GovernanceModule],
      providers: [{ provide: DEMO_DATA_OPTIONS, useValue: options }, DemoDataSeeder],
    };
  }
}
