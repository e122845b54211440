import type { Action } from '#identity';
import { type CommandContext, LedgerError } from '#shared-kernel';

/**
 * The pure core every aggregate shares: events, the decider, and the table of its use cases.
 * Nothing here does I/O or reads a clock; see command-runner.ts for the one write path around it.
 */

/** A domain event as decide() produces it and evolve() folds it: a stable type, a payload, when it happened. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  occurredAt: Date;
}

/** What decide() may know besides the aggregate's own state: the command context, and facts the runner looked up. */
export interface DecisionContext<Facts = undefined> extends CommandContext {
  facts: Facts;
}

/** Every command names its use case (`kind`) and when it happened in the world. */
export interface AnyCommand {
  kind: string;
  occurredAt: Date;
}

/** One use case of an aggregate: who may take it (the access policy's action) and its pure rule. */
export interface UseCase<State, Command, Event extends DomainEvent, Facts> {
  action: Action;
  decide(state: State, command: Command, context: DecisionContext<Facts>): readonly Event[] | LedgerError;
}

/** An aggregate's use cases, one per command kind: the compiler checks none is missing. */
export type UseCases<State, Command extends AnyCommand, Event extends DomainEvent, Facts> = {
  [Kind in Command['kind']]: UseCase<State, Extract<Command, { kind: Kind }>, Event, Facts>;
};

/**
 * An aggregate as data plus pure functions (the decider pattern): no I/O, no clock but the
 * context's, no class recording its own events.
 */
export interface Decider<State, Command extends AnyCommand, Event extends DomainEvent, Facts = undefined> {
  initialState: State;
  evolve(state: State, event: Event): State;
  decide(state: State, command: Command, context: DecisionContext<Facts>): readonly Event[] | LedgerError;
  /** The access policy's action for a command. */
  actionOf(command: Command): Action;
  /** Names this state among snapshots of long streams (load-state.ts; docs/adr/0010-state-snapshots.md). */
  stateKind?: string;
}

/** A decider from its initial state, its evolve and its use cases: decide dispatches on `command.kind`. */
export function deciderOf<State, Command extends AnyCommand, Event extends DomainEvent, Facts>(
  initialState: State,
  evolve: (state: State, event: Event) => State,
  useCases: UseCases<State, Command, Event, Facts>,
  stateKind?: string,
): Decider<State, Command, Event, Facts> {
  const of = (command: Command) => (useCases as Record<string, UseCase<State, Command, Event, Facts>>)[command.kind]!;
  return {
    initialState,
    evolve,
    decide: (state, command, context) => of(command).decide(state, command, context),
    actionOf: (command) => of(command).action,
    stateKind,
  };
}

/**
 * One step of an event's schema history: reads a payload of `fromVersion`, returns it as
 * `fromVersion + 1`. Declared beside the event's type; listed in event-schema.ts.
 */
export interface Upcaster {
  type: string;
  fromVersion: number;
  /** `event` gives what the payload alone may not: when it occurred (e.g. to read reference data as it stood then). */
  up(data: Record<string, unknown>, event: { occurredAt: Date }): Record<string, unknown>;
}

export const refuse = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new LedgerError(code, 'rule-violated', `${message}. Nothing was written.`, details);

export const notFound = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new LedgerError(code, 'not-found', message, details);

/** The calendar day (UTC) of an instant, as the ledger writes dates in messages. */
export const day = (date: Date) => date.toISOString().slice(0, 10);

/** The person acting, as events record them. */
export const personOf = (context: CommandContext) => ({ personId: context.principal.personId, name: context.principal.name });
