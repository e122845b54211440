import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#event-store';
import { LedgerCommands } from '../ledger-commands.js';
import { DemoHistory } from './demo-data.js';

/** Loads the demo history into an empty ledger when LEDGER_DEMO_DATA=true (`npm start` on its embedded database). */
@Injectable()
export class DemoDataSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');

  constructor(
    private readonly commands: LedgerCommands,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (process.env.LEDGER_DEMO_DATA !== 'true') return;
    if ((await this.store.head()).position > 0) return;
    const started = Date.now();
    await new DemoHistory(this.commands).load();
    this.logger.log(`demo history loaded in ${Date.now() - started} ms: eight collaborations from the public record, illustrative where the record is silent`);
  }
}
