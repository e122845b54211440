import { randomUUID } from 'node:crypto';
import { type EventStore, WrongExpectedVersion } from '#event-store';
import { authorise } from '#identity';
import { type CommandContext, LedgerError, actorMetadata } from '#shared-kernel';
import type { Aggregate } from './aggregate.js';
import type { AnyCommand, Decider, DomainEvent } from './decider.js';
import { schemaVersionOf } from './event-schema.js';
import { loadState } from './load-state.js';
import { type Idempotency, eventIdOf, idempotencyMetadata, recall } from './idempotency.js';
import { refuseUnlessActorSpeaksForOffice } from './office/actor-in-office.js';

export { type Fold, type Loaded, loadState, stateCodeVersion } from './load-state.js';

export interface CommandOutcome {
  streamId: string;
  /** The stream's version after the command: send it back as If-Match next time. */
  version: number;
  events: Array<{ eventId: string; type: string; globalPosition: number }>;
  /** True when this is what an earlier request with the same Idempotency-Key recorded. */
  replayed?: boolean;
}

export interface CommandRequest<Command> {
  command: Command;
  context: CommandContext;
  /** If-Match: the stream version the client decided on. */
  expectedVersion?: number;
  /** Idempotency-Key: a retry of a recorded request answers what it recorded (idempotency.ts). */
  idempotency?: Idempotency;
}

/** Entries older than this before they reach the ledger are marked back-dated in their metadata. */
export const BACK_DATED_AFTER_MS = 5 * 60_000;
/** Clock skew tolerated before an occurredAt counts as in the future. */
export const FUTURE_TOLERANCE_MS = 60_000;
const DAY_MS = 86_400_000;

/** How far the ledger lets ordinary users reach into the past (BACKDATING_WINDOW_DAYS; docs/domain-rules.md, "Back-dating"). */
export interface CommandPolicy {
  /** An act dated more than this many days before it reaches the ledger is refused unless a registrar enters it with its source. */
  backdatingWindowDays: number;
}

export const DEFAULT_COMMAND_POLICY: CommandPolicy = { backdatingWindowDays: 30 };

/** Whole days between when an act happened and when it reached the ledger. */
export const lateByDays = (occurredAt: Date, receivedAt: Date) => Math.floor((receivedAt.getTime() - occurredAt.getTime()) / DAY_MS);

/**
 * Load, judge, decide, append: the one way a command changes the ledger.
 *  1. An occurredAt in the future is refused (422), and so is one further back than the back-dating
 *     window unless a registrar enters it with its source (`context.entry`); so is an act of an
 *     office holder who has since left office (ActorLeftOffice), unless so entered.
 *  2. The aggregate's stream is loaded once; the facts its rules need are read from other streams.
 *  3. Access is judged against that record: the target (lead force, party) as the act will be
 *     judged, never as the request claims; an act on nothing is refused (404).
 *  4. If-Match (expectedVersion) that does not match the stream is a 412.
 *  5. decide; a refusal is a typed error. 6. Append with the loaded version as the expected one:
 *     a concurrent change that won the race is a 409. Whatever is refused, nothing is written.
 * With an Idempotency-Key, a request already recorded is answered as it was, before anything else
 * (the access check included: the key is scoped to the person who sent it).
 */
export async function runCommand<State, Command extends AnyCommand, Event extends DomainEvent, Facts>(
  store: EventStore,
  aggregate: Aggregate<State, Command, Event, Facts>,
  request: CommandRequest<Command>,
  policy: CommandPolicy = DEFAULT_COMMAND_POLICY,
): Promise<CommandOutcome> {
  const { idempotency } = request;
  if (!idempotency) return decideAndAppend(store, aggregate, request, policy);
  const recorded = await recall(store, idempotency);
  if (recorded) return recorded;
  try {
    return await decideAndAppend(store, aggregate, request, policy);
  } catch (error) {
    // A copy of this request that was recorded meanwhile (a retry racing its original) is why this
    // one was refused ("already proposed", a version moved on, the same event ids): answer with that record.
    const meanwhile = await recall(store, idempotency);
    if (meanwhile) return meanwhile;
    throw error;
  }
}

async function decideAndAppend<State, Command extends AnyCommand, Event extends DomainEvent, Facts>(
  store: EventStore,
  aggregate: Aggregate<State, Command, Event, Facts>,
  request: CommandRequest<Command>,
  policy: CommandPolicy,
): Promise<CommandOutcome> {
  const { command, context, expectedVersion, idempotency } = request;
  const { decider } = aggregate;
  if (command.occurredAt.getTime() > context.receivedAt.getTime() + FUTURE_TOLERANCE_MS) {
    throw new LedgerError(
      'OccurredInFuture',
      'rule-violated',
      `occurredAt ${command.occurredAt.toISOString()} is in the future; the ledger records what has happened. Nothing was written.`,
      { occurredAt: command.occurredAt.toISOString() },
    );
  }
  const late = lateByDays(command.occurredAt, context.receivedAt);
  if (!context.entry && late > policy.backdatingWindowDays) {
    throw new LedgerError(
      'BackDatedBeyondWindow',
      'rule-violated',
      `occurredAt ${command.occurredAt.toISOString()} is ${late} days before the ledger received it; an act may be back-dated by at most ${policy.backdatingWindowDays} days. ` +
        'Older history is entered by a registrar, naming who acted and the record it comes from (entry.actor, entry.source). Nothing was written.',
      { occurredAt: command.occurredAt.toISOString(), lateByDays: late, windowDays: policy.backdatingWindowDays },
    );
  }
  const streamId = aggregate.streamId(command);
  const { state, version } = await loadState(store, decider, streamId);
  const facts = await aggregate.facts(store, command, state);

  const action = decider.actionOf(command);
  const target = aggregate.target(state, command, facts);
  if (target instanceof LedgerError) throw target;
  authorise(context.principal, action, target);
  await refuseUnlessActorSpeaksForOffice(store, context, command.occurredAt);

  if (expectedVersion !== undefined && expectedVersion !== version) {
    throw new LedgerError(
      'VersionMismatch',
      'precondition-failed',
      `If-Match named version ${expectedVersion}, but ${streamId} is at version ${version}: reload it and decide again. Nothing was written.`,
      { streamId, expectedVersion, actualVersion: version },
    );
  }
  const decided = decider.decide(state, command, { ...context, facts });
  if (decided instanceof LedgerError) throw decided;
  if (decided.length === 0) return { streamId, version, events: [] };

  const backDated = context.receivedAt.getTime() - command.occurredAt.getTime() > BACK_DATED_AFTER_MS;
  const metadata = { ...actorMetadata(context), backDated, ...(backDated ? { lateByDays: late } : {}), ...(idempotency ? idempotencyMetadata(idempotency) : {}) };
  const events = decided.map((event, index) => ({
    eventId: idempotency ? eventIdOf(idempotency, index) : randomUUID(),
    type: event.type,
    schemaVersion: schemaVersionOf(event.type),
    data: event.data as object,
    metadata,
    occurredAt: event.occurredAt,
  }));
  try {
    const result = await store.append({ streamId, streamType: aggregate.streamType, expectedVersion: version === 0 ? 'no-stream' : version, events });
    return {
      streamId,
      version: result.streamVersion,
      events: events.map((e, i) => ({ eventId: e.eventId, type: e.type, globalPosition: result.positions[i]! })),
    };
  } catch (error) {
    if (error instanceof WrongExpectedVersion) {
      throw new LedgerError(
        'ConcurrentChange',
        'conflict',
        `${streamId} changed while this command was being decided (now at version ${error.actualVersion}): reload it and try again. Nothing was written.`,
        { streamId, actualVersion: error.actualVersion },
      );
    }
    throw error;
  }
}
