import type { EventToAppend } from '#event-store';
import { authorise } from '#identity';
import { type CommandContext, LedgerError, type Principal, type Provenance, actorMetadata } from '#shared-kernel';
import type { Aggregate } from '../aggregate.js';
import { BACK_DATED_AFTER_MS, lateByDays } from '../command-runner.js';
import type { AnyCommand, DomainEvent } from '../decider.js';
import { schemaVersionOf } from '../event-schema.js';

/** One command as the generator ran it: what a test can run again through the real runner. */
export interface GeneratedStep {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  aggregate: Aggregate<any, AnyCommand, DomainEvent, any>;
  command: AnyCommand;
  context: CommandContext;
  /** The events decide() gave, as appended. */
  events: EventToAppend[];
}

/** A stream's events, decided and folded here, waiting to be appended. */
export interface DecidedStream {
  streamId: string;
  streamType: string;
  events: EventToAppend[];
}

/** A decider refused a generated command: the generator's history broke a rule, and stops. */
export class GeneratedCommandRefused extends Error {
  constructor(
    readonly command: AnyCommand,
    readonly refusal: LedgerError,
  ) {
    super(`ledger generate: a decider refused ${command.kind} dated ${command.occurredAt.toISOString()}: ${refusal.code}: ${refusal.message} ${JSON.stringify(refusal.details ?? {})}`);
    this.name = 'GeneratedCommandRefused';
  }
}

/** The decide clock of a generated command: as if it was entered a minute after it happened. */
export const ENTERED_AFTER_MS = 60_000;

interface Held {
  streamType: string;
  state: unknown;
  version: number;
  events: EventToAppend[];
}

/**
 * The command runner's steps (command-runner.ts: judge, decide, append) over streams kept in memory:
 * each stream's state is folded from the events its deciders gave, never read back. For every
 * command: the aggregate's stream id, the facts (given by the caller, looked up the way the
 * aggregate's `facts` would), the target and the access policy, then `decide`; a refusal throws
 * GeneratedCommandRefused. The events get the metadata the runner gives them (actorMetadata, the
 * provenance, backDated) and ids from the generator's seeded stream.
 */
/** Who enters a generated history: fictitious, as every person the generator names. */
export const GENERATED_REGISTRAR = { personId: 'generated-registrar', name: 'Generated registrar (ledger generate)' };

export class InMemoryDecisions {
  private readonly streams = new Map<string, Held>();
  eventCount = 0;

  constructor(
    private readonly newEventId: () => string,
    private readonly provenance: Provenance,
    private readonly correlationId: string,
    /** When the ledger learns of it all: every generated event is dated before, so back-dated. */
    private readonly recordedFrom: Date,
    private readonly onStep?: (step: GeneratedStep) => void,
  ) {}

  run<State, Command extends AnyCommand, Event extends DomainEvent, Facts>(
    aggregate: Aggregate<State, Command, Event, Facts>,
    command: Command,
    principal: Principal,
    facts: Facts,
  ): Event[] {
    const streamId = aggregate.streamId(command);
    const held = this.streams.get(streamId);
    const state = (held?.state ?? aggregate.decider.initialState) as State;
    // Entered as history older than the back-dating window is (ADR 0009): by a registrar, naming its record — here, the generator and its seed.
    const context: CommandContext = {
      principal,
      correlationId: this.correlationId,
      receivedAt: new Date(command.occurredAt.getTime() + ENTERED_AFTER_MS),
      provenance: this.provenance,
      entry: { enteredBy: GENERATED_REGISTRAR, source: `ledger generate (seed ${this.provenance.generated?.seed ?? 'unknown'}): a generated history, illustrative` },
    };

    const target = aggregate.target(state, command, facts);
    if (target instanceof LedgerError) throw new GeneratedCommandRefused(command, target);
    try {
      authorise(principal, aggregate.decider.actionOf(command), target);
    } catch (error) {
      if (error instanceof LedgerError) throw new GeneratedCommandRefused(command, error);
      throw error;
    }
    const decided = aggregate.decider.decide(state, command, { ...context, facts });
    if (decided instanceof LedgerError) throw new GeneratedCommandRefused(command, decided);

    const backDated = this.recordedFrom.getTime() - command.occurredAt.getTime() > BACK_DATED_AFTER_MS;
    const metadata = { ...actorMetadata(context), backDated, ...(backDated ? { lateByDays: lateByDays(command.occurredAt, this.recordedFrom) } : {}) };
    const appended = decided.map((event) => ({
      eventId: this.newEventId(),
      type: event.type,
      schemaVersion: schemaVersionOf(event.type),
      data: event.data as object,
      metadata,
      occurredAt: event.occurredAt,
    }));
    const next: Held = held ?? { streamType: aggregate.streamType, state, version: 0, events: [] };
    next.state = decided.reduce((s, e) => aggregate.decider.evolve(s, e), state);
    next.version += appended.length;
    next.events.push(...appended);
    this.streams.set(streamId, next);
    this.eventCount += appended.length;
    this.onStep?.({ aggregate: aggregate as unknown as GeneratedStep['aggregate'], command, context, events: appended });
    return [...decided];
  }

  /** A stream's state as folded so far (the aggregate's initial state when it has no events). */
  stateOf<State>(streamId: string, initial: State): State {
    return (this.streams.get(streamId)?.state as State | undefined) ?? initial;
  }

  /** The events decided for these streams since they were last taken, in order; the states stay. */
  take(streamIds: readonly string[]): DecidedStream[] {
    const out: DecidedStream[] = [];
    for (const streamId of streamIds) {
      const held = this.streams.get(streamId);
      if (!held || held.events.length === 0) continue;
      out.push({ streamId, streamType: held.streamType, events: held.events });
      held.events = [];
    }
    return out;
  }

  /** Forgets streams no later command acts on (a finished collaboration's), to keep memory flat. */
  forget(streamIds: readonly string[]): void {
    for (const streamId of streamIds) this.streams.delete(streamId);
  }
}
