import type { LedgerError } from '#shared-kernel';
import { day, refuse } from '../decider.js';
import { type PolicingBodyKind, policingBodyExisted, policingBodyOn } from '../reference-data/policing-bodies.js';
import type { Office, Person } from './office.events.js';

/**
 * A policing body acts only while it exists. Police authorities (Police Act 1996 s3) were abolished
 * and PCCs took office on 22 November 2012 (Police Reform and Social Responsibility Act 2011 s1(9),
 * s1 and Sch 1; SI 2012/2892 art 2); MOPAC replaced the Metropolitan Police Authority on 16 January
 * 2012 (PRSRA s3, Sch 3; SI 2011/3019); mayors took PCC functions by order (LDEDCA 2009 s107F: e.g.
 * Greater Manchester from 8 May 2017, SI 2016/448 art 4). A PCC that became a PFCC by order under the
 * Fire and Rescue Services Act 2004 s4A (Policing and Crime Act 2017 s6, Sch 1) is still the PCC:
 * its holder may act on; a PFCC did not exist before the order. The days, with their sources:
 * reference-data/policing-bodies.ts.
 */
export function policingBodyDidNotExist(forceCode: string, body: PolicingBodyKind, at: Date, holder?: Person): LedgerError {
  const then = policingBodyOn(forceCode, at);
  return refuse(
    'PolicingBodyDidNotExist',
    `no ${body} was the policing body of ${forceCode} on ${day(at)}` +
      (holder ? `, so ${holder.name}, who held office in it, could not act for it then` : '') +
      (then ? `: the policing body that day was ${then.name} (${then.kind})` : ''),
    {
      forceCode,
      body,
      on: day(at),
      bodyThen: then ? { kind: then.kind, name: then.name, from: then.from, to: then.to ?? null } : null,
    },
  );
}

/**
 * The body an appointment, handover or acting designation puts its holder in: for the policing-body
 * office, the one the command names, or — when it names none — the one the reference data gives
 * for the force on the command's date; refused when the named kind was not the force's policing
 * body that day. The chief-officer office has no body (null).
 */
export function bodyOfOffice(command: { forceCode: string; office: Office; body?: PolicingBodyKind; occurredAt: Date }): PolicingBodyKind | null | LedgerError {
  if (command.office !== 'policing-body') {
    if (command.body) return refuse('NotAPolicingBodyOffice', `the ${command.office} office is held in no policing body; name a body only for the policing-body office`);
    return null;
  }
  const then = policingBodyOn(command.forceCode, command.occurredAt);
  const body = command.body ?? then?.kind;
  if (!body) return refuse('PolicingBodyDidNotExist', `the reference data has no policing body of ${command.forceCode} on ${day(command.occurredAt)}`, { forceCode: command.forceCode, on: day(command.occurredAt) });
  if (!policingBodyExisted(command.forceCode, body, command.occurredAt)) return policingBodyDidNotExist(command.forceCode, body, command.occurredAt);
  return body;
}

/** A holder's act (a signature, an approval) counts only while the body they hold office in exists. */
export function refuseUnlessBodyExisted(forceCode: string, body: PolicingBodyKind | null | undefined, at: Date, holder: Person): LedgerError | undefined {
  if (!body) return undefined;
  return policingBodyExisted(forceCode, body, at) ? undefined : policingBodyDidNotExist(forceCode, body, at, holder);
}
