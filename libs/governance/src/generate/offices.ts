import type { Principal } from '#shared-kernel';
import { type Office, OFFICES, type Person, type PendingItem, officeStreamId } from '../office/office.events.js';
import { type OfficeState, holderAt, initialOfficeState } from '../office/office.state.js';
import { officeAggregate } from '../office/office.aggregate.js';
import { FORCES } from '../reference-data/forces.js';
import { type InMemoryDecisions } from './in-memory-decisions.js';
import { policingBodyKindChanges, policingBodyKindOn } from './policing-body-kind.js';
import { Prng } from './prng.js';

export const DAY_MS = 86_400_000;
const YEAR_MS = 365.25 * DAY_MS;
export const dayOf = (at: Date | number) => new Date(at).toISOString().slice(0, 10);
export const midnight = (day: string) => new Date(`${day}T00:00:00Z`);

/** The days a policing body's holder may change at an election (PCC elections, and mayors' with them; illustrative). */
const ELECTIONS = ['2016-05-12', '2021-05-13', '2024-05-09'];

/** A fictitious person: never a real one. */
export const generatedHolder = (seed: number, n: number): Person => ({ personId: `generated-${seed}-holder-${n}`, name: `Generated holder ${n}` });
export const generatedPerson = (seed: number, n: number): Person => ({ personId: `generated-${seed}-person-${n}`, name: `Generated person ${n}` });
export const generatedRegistrar = (seed: number): Principal => ({ personId: `generated-${seed}-registrar`, name: 'Generated registrar', role: 'registrar' });

interface PlannedChange {
  at: Date;
  incoming: Person;
  basis: 'substantive' | 'acting';
  note: string;
}

/** One office's planned holders: the first appointment, then every change of hands. */
interface OfficePlan {
  forceCode: string;
  office: Office;
  first: Person;
  changes: PlannedChange[];
}

/**
 * Who held each office when, planned from the seed: a chief officer for 2½–7 years (a quarter of
 * the changes through an acting holder for 2–8 months); a policing body's holder changing at some
 * elections and whenever the body changes kind (policingBodyKindOn: a PCC replaced by a mayor or a
 * PFCC), never before 22 November 2012.
 */
export function planOffices(seed: number, start: Date, end: Date): OfficePlan[] {
  let holders = 0;
  const next = () => generatedHolder(seed, ++holders);
  const plans: OfficePlan[] = [];
  for (const force of FORCES) {
    for (const office of OFFICES) {
      const prng = Prng.of(seed, 'office', force.code, office);
      const plan: OfficePlan = { forceCode: force.code, office, first: next(), changes: [] };
      const periodic = office === 'chief-officer' || policingBodyKindOn(force.code, dayOf(start)) === 'police-authority';
      if (periodic) {
        const title = office === 'policing-body' ? 'chair of the police authority board' : ['metropolitan', 'city-of-london'].includes(force.code) ? 'Commissioner' : 'Chief Constable';
        let t = start.getTime() + prng.int(120, 1800) * DAY_MS;
        while (t < end.getTime()) {
          const day = dayOf(t);
          if (prng.chance(0.25)) {
            plan.changes.push({ at: midnight(day), incoming: next(), basis: 'acting', note: `Acting ${title} while the post is filled` });
            t += prng.int(60, 240) * DAY_MS;
            if (t >= end.getTime()) break;
          }
          plan.changes.push({ at: midnight(dayOf(t)), incoming: next(), basis: 'substantive', note: `New ${title} appointed` });
          t += prng.int(Math.round(2.5 * 365), 7 * 365) * DAY_MS;
        }
      } else {
        const kindChanges = policingBodyKindChanges(force.code, dayOf(start), dayOf(end));
        const days = new Map<string, string>();
        for (const change of kindChanges) days.set(change.on, `The policing body's functions pass from the ${change.from} to the ${change.to}`);
        for (const election of ELECTIONS) {
          if (election <= dayOf(start) || election >= dayOf(end)) continue;
          const near = kindChanges.some((c) => Math.abs(Date.parse(c.on) - Date.parse(election)) < 60 * DAY_MS);
          if (!near && prng.chance(0.45)) days.set(election, `Elected ${policingBodyKindOn(force.code, election)} takes office`);
        }
        for (const [day, note] of [...days].sort(([a], [b]) => a.localeCompare(b))) plan.changes.push({ at: midnight(day), incoming: next(), basis: 'substantive', note });
      }
      plans.push(plan);
    }
  }
  return plans;
}

/** A proposal's signatures as planned: what a handover's pending list is computed from. */
export interface PlannedSignatures {
  collaborationId: string;
  name: string;
  parties: string[];
  proposedAt: Date;
  /** `${party}/${office}` → when that office signs (may be after the window: never signed). */
  signAt: Map<string, Date>;
}

/**
 * What awaited an office when it changed hands, as pendingForOffice (office.aggregate.ts) finds it
 * in a log recorded in date order: agreements proposed by then, its force a party, not yet signed
 * by the office (so not yet in force). In the order they were proposed.
 */
export function pendingAt(proposals: readonly PlannedSignatures[], forceCode: string, office: Office, at: Date): PendingItem[] {
  return proposals
    .filter((p) => p.proposedAt <= at && p.parties.includes(forceCode) && (p.signAt.get(`${forceCode}/${office}`)?.getTime() ?? Infinity) > at.getTime())
    .sort((a, b) => a.proposedAt.getTime() - b.proposedAt.getTime())
    .map((p) => ({ kind: 'agreement-signature' as const, collaborationId: p.collaborationId, name: p.name, since: p.proposedAt.toISOString() }));
}

/** Runs the planned appointments and handovers through the office decider; the office states stay in `decisions`. */
export function decideOffices(decisions: InMemoryDecisions, seed: number, plans: readonly OfficePlan[], start: Date, proposals: readonly PlannedSignatures[]): string[] {
  const registrar = generatedRegistrar(seed);
  const streams: string[] = [];
  for (const plan of plans) {
    const { forceCode, office } = plan;
    decisions.run(officeAggregate, { kind: 'AppointOfficeHolder', forceCode, office, holder: plan.first, basis: 'substantive', occurredAt: start }, registrar, { pending: [] });
    let holder = plan.first;
    for (const change of plan.changes) {
      decisions.run(
        officeAggregate,
        { kind: 'HandOverOffice', forceCode, office, outgoingPersonId: holder.personId, incoming: change.incoming, basis: change.basis, note: change.note, occurredAt: change.at },
        registrar,
        { pending: pendingAt(proposals, forceCode, office, change.at) },
      );
      holder = change.incoming;
    }
    streams.push(officeStreamId(forceCode, office));
  }
  return streams;
}

/** The holder of an office on a date, from its folded state (as the runner's facts give it). */
export function holderOn(decisions: InMemoryDecisions, forceCode: string, office: Office, at: Date): Person {
  const state = decisions.stateOf<OfficeState>(officeStreamId(forceCode, office), initialOfficeState);
  const tenure = holderAt(state, at);
  if (!tenure) throw new Error(`ledger generate: no holder of the ${office} of ${forceCode} on ${at.toISOString()}`);
  return tenure.holder;
}

/** The holder acting as a principal: a chief officer or a policing body of the force. */
export function officer(decisions: InMemoryDecisions, forceCode: string, office: Office, at: Date): Principal {
  return { ...holderOn(decisions, forceCode, office, at), role: office, force: forceCode };
}

export const yearsBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / YEAR_MS;
