import type { LedgerError } from '#shared-kernel';
import { day, refuse } from './decider.js';

/**
 * Dates that cannot lie (issue 13, item 4): every act is dated on or after what it acts on. An
 * approval is not dated before the proposal it approves, a ratification not before the urgent
 * decision it ratifies, a revision not before the declaration it revises. Back-dating stays allowed
 * (that is how history gets in); an act dated before the thing it acts on is refused with both dates.
 *
 * `act` and `actsOn` are short phrases for people ("the approval", "the proposal"); the problem's
 * details name both dates (ISO instants) so a program can show them.
 */
export function refuseIfActPrecedes(act: string, actAt: Date, actsOn: string, actsOnAt: string | Date | undefined | null): LedgerError | undefined {
  if (actsOnAt === undefined || actsOnAt === null) return undefined;
  const actsOnDate = typeof actsOnAt === 'string' ? new Date(actsOnAt) : actsOnAt;
  if (actAt.getTime() >= actsOnDate.getTime()) return undefined;
  return refuse('ActPrecedesWhatItActsOn', `${act} is dated ${actAt.toISOString()} (${day(actAt)}), before ${actsOn} it acts on (${actsOnDate.toISOString()}, ${day(actsOnDate)})`, {
    act,
    actOccurredAt: actAt.toISOString(),
    actsOn,
    actsOnOccurredAt: actsOnDate.toISOString(),
  });
}

/** The latest of some ISO instants (undefined for none). */
export const latestOf = (instants: ReadonlyArray<string | undefined | null>): string | undefined =>
  instants.filter((i): i is string => typeof i === 'string').reduce<string | undefined>((max, i) => (max === undefined || new Date(i) > new Date(max) ? i : max), undefined);
