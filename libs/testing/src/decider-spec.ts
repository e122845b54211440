import { expect } from '@jest/globals';
import type { AnyCommand, Decider, DomainEvent } from '#governance';
import { type CommandContext, LedgerError, type Principal } from '#shared-kernel';

export const contextOf = (principal: Principal, receivedAt = new Date('2026-11-23T10:00:00Z')): CommandContext => ({
  principal,
  correlationId: 'test-correlation',
  receivedAt,
});

/**
 * Given these events, When this command, Then these events — or this refusal.
 *   spec(decider).given(events).when(command, context, facts).then(events)
 *   spec(decider).given(events).when(command, context, facts).thenRefuses('NotAParty')
 */
export function spec<State, Command extends AnyCommand, Event extends DomainEvent, Facts>(decider: Decider<State, Command, Event, Facts>) {
  return {
    given(history: readonly Event[]) {
      return {
        when(command: Command, context: CommandContext, facts: Facts) {
          const state = history.reduce(decider.evolve, decider.initialState);
          const outcome = decider.decide(state, command, { ...context, facts });
          return {
            then(expected: readonly Event[]) {
              if (outcome instanceof LedgerError) throw new Error(`expected events, but the command was refused: ${outcome.code}: ${outcome.message}`);
              expect(outcome).toEqual(expected);
            },
            thenRefuses(code: string, kind: LedgerError['kind'] = 'rule-violated'): LedgerError {
              expect(outcome).toBeInstanceOf(LedgerError);
              expect(outcome).toMatchObject({ code, kind });
              return outcome as LedgerError;
            },
          };
        },
      };
    },
  };
}
