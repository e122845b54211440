import { randomUUID } from 'node:crypto';
import { type EventStore, type ReadStreamOptions, WrongExpectedVersion } from '#event-store';
import { type CommandContext, LedgerError, actorMetadata } from '#shared-kernel';

/** A domain event as decide() produces it and evolve() folds it: a stable type, a payload, when it happened. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  occurredAt: Date;
}

/** What decide() may know besides the aggregate's own state: the command context, and facts the handler looked up. */
export interface DecisionContext<Facts = undefined> extends CommandContext {
  facts: Facts;
}

/**
 * An aggregate as data plus pure functions (the decider pattern): no I/O, no clock but the
 * context's, no class recording its own events.
 */
export interface Decider<State, Command, Event extends DomainEvent, Facts = undefined> {
  initialState: State;
  evolve(state: State, event: Event): State;
  decide(state: State, command: Command, context: DecisionContext<Facts>): readonly Event[] | LedgerError;
}

export interface Loaded<State> {
  state: State;
  /** The stream's version: 0 when it does not exist. */
  version: number;
}

export async function loadState<State, Event extends DomainEvent>(
  store: EventStore,
  decider: Pick<Decider<State, never, Event, never>, 'initialState' | 'evolve'>,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<Loaded<State>> {
  const recorded = await store.readStream(streamId, options);
  const state = recorded.reduce(
    (current, e) => decider.evolve(current, { type: e.type, data: e.data, occurredAt: e.occurredAt } as Event),
    decider.initialState,
  );
  return { state, version: recorded.at(-1)?.streamVersion ?? 0 };
}

export interface CommandOutcome {
  streamId: string;
  /** The stream's version after the command: send it back as If-Match next time. */
  version: number;
  events: Array<{ eventId: string; type: string; globalPosition: number }>;
}

/** Entries older than this before they reach the ledger are marked back-dated in their metadata. */
export const BACK_DATED_AFTER_MS = 5 * 60_000;
/** Clock skew tolerated before an occurredAt counts as in the future. */
export const FUTURE_TOLERANCE_MS = 60_000;

/**
 * Load, decide, append: the one way a command changes the ledger. If-Match (expectedVersion) that
 * does not match the stream is a 412 before anything is decided; a concurrent change that wins the
 * race between load and append is a 409. Either way nothing is written.
 */
export async function runCommand<State, Command extends { occurredAt: Date }, Event extends DomainEvent, Facts>(
  store: EventStore,
  decider: Decider<State, Command, Event, Facts>,
  request: { streamId: string; command: Command; context: CommandContext; facts: Facts; expectedVersion?: number },
): Promise<CommandOutcome> {
  const { streamId, command, context, facts, expectedVersion } = request;
  if (command.occurredAt.getTime() > context.receivedAt.getTime() + FUTURE_TOLERANCE_MS) {
    throw new LedgerError(
      'OccurredInFuture',
      'rule-violated',
      `occurredAt ${command.occurredAt.toISOString()} is in the future; the ledger records what has happened. Nothing was written.`,
      { occurredAt: command.occurredAt.toISOString() },
    );
  }
  const { state, version } = await loadState(store, decider, streamId);
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
  const metadata = { ...actorMetadata(context), backDated };
  const events = decided.map((event) => ({ eventId: randomUUID(), type: event.type, data: event.data as object, metadata, occurredAt: event.occurredAt }));
  try {
    const result = await store.append({ streamId, expectedVersion: version === 0 ? 'no-stream' : version, events });
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

export const refuse = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new LedgerError(code, 'rule-violated', `${message}. Nothing was written.`, details);

export const notFound = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new LedgerError(code, 'not-found', message, details);
