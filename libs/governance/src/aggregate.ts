import type { EventStore } from '#event-store';
import type { Target } from '#identity';
import type { LedgerError } from '#shared-kernel';
import type { AnyCommand, Decider, DomainEvent } from './decider.js';

/**
 * Everything the one write path (command-runner.ts) needs to know about an aggregate, besides its
 * pure decider: which stream a command acts on, the facts from other streams its rules need, and
 * what the act is done to, for the access policy.
 */
export interface Aggregate<State, Command extends AnyCommand, Event extends DomainEvent, Facts> {
  /** The stream type recorded in the store ("collaboration", "risk-appetite"). */
  streamType: string;
  decider: Decider<State, Command, Event, Facts>;
  streamId(command: Command): string;
  /** Facts from other streams the rules need, read through the event-store port. */
  facts(store: EventStore, command: Command, state: State): Promise<Facts>;
  /**
   * What the act is done to, judged from the record the act will be judged by (the loaded stream
   * and the facts, as at the act's date). A LedgerError (usually a 404) when it cannot be resolved:
   * an act on nothing is refused, never let through.
   */
  target(state: State, command: Command, facts: Facts): Target | LedgerError;
  /** Where the result can be read (the Location header). */
  location(command: Command): string;
}

/** The aggregates' facts loaders share this: no facts. */
export const noFacts = async (): Promise<undefined> => undefined;
