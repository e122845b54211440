import type { EventStore } from '#event-store';
import { type CommandContext, LedgerError } from '#shared-kernel';
import { day } from '../decider.js';
import { upcast } from '../event-schema.js';
import { type Office, type OfficeEvent, officeStreamId } from './office.events.js';
import { evolveOffice, initialOfficeState } from './office.state.js';

const isOffice = (role: string): role is Office => role === 'chief-officer' || role === 'policing-body';

/**
 * An act entered by a chief officer or a policing body who has since left that office is refused:
 * once out of office they no longer speak for it, and what they did in office is entered by a
 * registrar, naming them and the record (docs/domain-rules.md, "Back-dating"). A person the
 * office's record does not name is judged by the act's own rules (a signature by the holder of the
 * day, SignerNotOfficeHolder), not here.
 *
 * Reads the office's stream: one short stream per force and office.
 */
export async function refuseIfActorLeftOffice(store: Pick<EventStore, 'readStream'>, context: CommandContext): Promise<void> {
  const { principal, receivedAt } = context;
  if (!isOffice(principal.role) || !principal.force) return;
  const recorded = await store.readStream(officeStreamId(principal.force, principal.role));
  const office = recorded.reduce((state, e) => evolveOffice(state, upcast<OfficeEvent>(e)), initialOfficeState);
  const theirs = office.tenures.filter((t) => t.holder.personId === principal.personId);
  if (theirs.length === 0) return;
  const now = receivedAt.getTime();
  if (theirs.some((t) => t.from.getTime() <= now && (t.to === undefined || now < t.to.getTime()))) return;
  const left = theirs.at(-1)!.to!;
  throw new LedgerError(
    'ActorLeftOffice',
    'rule-violated',
    `${principal.name} left the ${principal.role} office of ${principal.force} on ${day(left)}; an act entered after its actor left office is entered by a registrar, naming them and the record it comes from (entry.actor, entry.source). Nothing was written.`,
    { force: principal.force, office: principal.role, leftOn: day(left) },
  );
}
