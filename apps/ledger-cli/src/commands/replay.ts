import type { Command } from 'commander';
import type { RecordedEvent } from '#event-store';
import { endOfDayOrInstant } from '#shared-kernel';
import { type CliContext, openLedgerDatabase, usageError } from '../cli.js';

interface ReplayOptions {
  asOf?: string;
  knownAt?: string;
  json?: boolean;
}

/**
 * `ledger replay <stream>`: the aggregate's state as it stood (--as-of, occurred time) and as it
 * was known (--known-at, recorded time), rebuilt through its decider's evolve — the very code the
 * commands decide with — and the events it came from.
 */
export function registerReplay(program: Command, { config, stdout }: CliContext): void {
  program
    .command('replay')
    .summary('print a stream’s state as at / as known at a date, and the events it came from')
    .description(
      'Rebuild one aggregate (collaboration-…, decision-…, benefit-…, recommendation-…, office-…, risk-appetite-…) from its stream through its decider (libs/governance loadState), as it stood on a date (--as-of: events that occurred by then) and as it was known on a date (--known-at: events recorded by then), and print the state and the events it came from, with both clocks. Dates are RFC 3339: 2019-04-01 (the end of that day, UTC) or 2019-04-01T09:30:00Z. Personal names of people who were forgotten show as erased.',
    )
    .argument('<stream>', 'the stream id, e.g. collaboration-6f1c2a5e-3b7d-4f0e-9a1b-2c3d4e5f6a7b')
    .option('--as-of <date>', 'state as it stood then: only events that occurred by then')
    .option('--known-at <date>', 'state as the ledger knew it then: only events recorded by then')
    .option('--json', '{ streamId, version, state, events } as one JSON object')
    .action(async (streamId: string, options: ReplayOptions, command: Command) => {
      if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/.test(streamId)) usageError(command, `the stream must be a stream id such as collaboration-6f1c2a5e-…, not ${JSON.stringify(streamId)}`);
      const dates: { occurredUntil?: Date; recordedUntil?: Date } = {};
      for (const [flag, value, key] of [['--as-of', options.asOf, 'occurredUntil'], ['--known-at', options.knownAt, 'recordedUntil']] as const) {
        if (value === undefined) continue;
        const date = endOfDayOrInstant(value);
        if (!date) usageError(command, `${flag} must be an RFC 3339 date (2019-04-01, the end of that day UTC) or date-time with offset (2019-04-01T09:30:00Z), not ${JSON.stringify(value)}`);
        dates[key] = date;
      }
      const governance = await import('#governance');
      const deciders: Record<string, { initialState: unknown; evolve(state: unknown, event: never): unknown }> = {
        collaboration: governance.collaborationDecider,
        decision: governance.decisionDecider,
        benefit: governance.benefitDecider,
        recommendation: governance.recommendationDecider,
        office: governance.officeDecider,
        'risk-appetite': governance.riskAppetiteDecider,
      };
      const kind = Object.keys(deciders).find((prefix) => streamId.startsWith(`${prefix}-`));
      if (!kind) usageError(command, `${streamId} is not a stream of an aggregate: it must start with ${Object.keys(deciders).map((k) => `${k}-`).join(', ')}`);
      const database = await openLedgerDatabase(config, 2);
      let events: RecordedEvent[];
      let loaded: { state: unknown; version: number };
      try {
        if ((await database.readable.streamVersion(streamId)) === 0) usageError(command, `there is no stream ${streamId}`);
        events = await database.readable.readStream(streamId, dates);
        loaded = await governance.loadState(database.readable, deciders[kind]!, streamId, dates);
      } finally {
        await database.close();
      }
      const at = [options.asOf ? `as at ${options.asOf}` : '', options.knownAt ? `as known at ${options.knownAt}` : ''].filter(Boolean).join(', ') || 'now';
      if (options.json) {
        stdout.write(`${JSON.stringify({ streamId, asOf: options.asOf ?? null, knownAt: options.knownAt ?? null, version: loaded.version, state: loaded.state, events: events.map(eventLine) })}\n`);
        return;
      }
      stdout.write(`${streamId} ${at}: version ${loaded.version}, from ${events.length} event${events.length === 1 ? '' : 's'}\n\nstate:\n${JSON.stringify(loaded.state, null, 2)}\n\nevents:\n`);
      for (const e of events) {
        stdout.write(`  v${String(e.streamVersion).padEnd(4)} ${e.type.padEnd(32)} occurred ${e.occurredAt.toISOString()}  recorded ${e.recordedAt.toISOString()}  position ${e.globalPosition}  ${e.hash.slice(0, 16)}…\n`);
      }
    });
}

const eventLine = (e: RecordedEvent) => ({
  version: e.streamVersion,
  type: e.type,
  occurredAt: e.occurredAt.toISOString(),
  recordedAt: e.recordedAt.toISOString(),
  globalPosition: e.globalPosition,
  eventId: e.eventId,
  hash: e.hash,
  data: e.data,
});
