import type { EventStore } from '#event-store';
import { type CommandContext, LedgerError } from '#shared-kernel';
import { day } from '../decider.js';
import { loadState } from '../load-state.js';
import { type Office, officeStreamId } from './office.events.js';
import { evolveOffice, initialOfficeState } from './office.state.js';
import { refuseUnlessBodyExisted } from './policing-body.rule.js';

const isOffice = (role: string): role is Office => role === 'chief-officer' || role === 'policing-body';

/**
 * What the office's record says of the person acting as a chief officer or a policing body, for
 * every act whatever its slice (the acts with their own office rules — signatures, decision acts —
 * judge the same again with their own details):
 *
 * - An act entered by them after they left that office is refused: once out of office they no
 *   longer speak for it, and what they did in office is entered by a registrar, naming them and the
 *   record (`ActorLeftOffice`; docs/domain-rules.md, "Back-dating"). Not asked of a registrar's entry.
 * - A policing body's act counts only while the body they held office in on the act's date existed
 *   (a police authority's holder acting after 22 November 2012: `PolicingBodyDidNotExist`; PRSRA 2011
 *   s1, Sch 15), entered by a registrar or not — risk appetite, notices, responses included.
 *
 * A person the office's record does not name is judged by the act's own rules (a signature by the
 * holder of the day, SignerNotOfficeHolder), not here. Reads the office's stream: one short stream
 * per force and office.
 */
export async function refuseUnlessActorSpeaksForOffice(store: Pick<EventStore, 'readStream'>, context: CommandContext, occurredAt: Date): Promise<void> {
  const { principal, receivedAt } = context;
  if (!isOffice(principal.role) || !principal.force) return;
  const { state: office } = await loadState(store, { initialState: initialOfficeState, evolve: evolveOffice }, officeStreamId(principal.force, principal.role));
  const theirs = office.tenures.filter((t) => t.holder.personId === principal.personId);
  if (theirs.length === 0) return;
  const covers = (at: number) => (t: (typeof theirs)[number]) => t.from.getTime() <= at && (t.to === undefined || at < t.to.getTime());

  const then = theirs.find(covers(occurredAt.getTime()));
  const gone = then && refuseUnlessBodyExisted(principal.force, then.body, occurredAt, then.holder);
  if (gone) throw gone;

  if (context.entry || theirs.some(covers(receivedAt.getTime()))) return;
  const left = theirs.at(-1)!.to!;
  throw new LedgerError(
    'ActorLeftOffice',
    'rule-violated',
    `${principal.name} left the ${principal.role} office of ${principal.force} on ${day(left)}; an act entered after its actor left office is entered by a registrar, naming them and the record it comes from (entry.actor, entry.source). Nothing was written.`,
    { force: principal.force, office: principal.role, leftOn: day(left) },
  );
}
