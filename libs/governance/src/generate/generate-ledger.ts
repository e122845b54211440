import type { AppendRequest } from '#event-store';
import type { Provenance } from '#shared-kernel';
import { OFFICES } from '../office/office.events.js';
import { FORCES } from '../reference-data/forces.js';
import { RISK_CATEGORIES, RISK_LEVELS } from '../risk.js';
import { riskAppetiteAggregate } from '../risk-appetite/risk-appetite.aggregate.js';
import { riskAppetiteStreamId } from '../risk-appetite/risk-appetite.events.js';
import { type RiskAppetiteState, entryFor, initialRiskAppetiteState } from '../risk-appetite/risk-appetite.state.js';
import { type CollaborationPlan, planCollaboration, runCollaborationHistory } from './collaboration-history.js';
import { type DecidedStream, type GeneratedStep, InMemoryDecisions } from './in-memory-decisions.js';
import { DAY_MS, dayOf, decideOffices, officer, planOffices } from './offices.js';
import { PCCS_TOOK_OFFICE } from './policing-body-kind.js';
import { Prng } from './prng.js';

export const GENERATE_TOOL = 'ledger generate';
export const DEFAULT_GENERATE_START = '2013-01-01';

export interface GenerateOptions {
  collaborations: number;
  years: number;
  seed: number;
  /** The first day of the history (YYYY-MM-DD): 2013-01-01 by default, never before PCCs took office (22 November 2012). */
  start?: string;
  /** Now: the history must end before it. */
  now?: Date;
  /** Called with every command as run (tests run them again through the real runner). */
  onStep?: (step: GeneratedStep) => void;
}

/** Where the generated streams go: appended as they come, each stream at most once per call. */
export interface GenerateSink {
  append(requests: AppendRequest[]): Promise<void>;
}

export interface GenerateProgress {
  collaborationsDone: number;
  collaborations: number;
  events: number;
}

export interface GenerateReport {
  events: number;
  streams: number;
  collaborations: number;
  from: string;
  to: string;
}

/** The window a generation covers, or why the options cannot be generated. */
export function generationWindow(options: Pick<GenerateOptions, 'collaborations' | 'years' | 'seed' | 'start' | 'now'>): { start: Date; end: Date } {
  const { collaborations, years, seed } = options;
  if (!Number.isInteger(collaborations) || collaborations < 1) throw new RangeError('--collaborations must be a whole number of at least 1');
  if (!Number.isInteger(years) || years < 1 || years > 50) throw new RangeError('--years must be a whole number from 1 to 50');
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError('--seed must be a whole number from 0 to 4294967295');
  const startDay = options.start ?? DEFAULT_GENERATE_START;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDay) || Number.isNaN(Date.parse(`${startDay}T00:00:00Z`))) throw new RangeError('--start must be a date, YYYY-MM-DD');
  if (startDay < PCCS_TOOK_OFFICE) throw new RangeError(`--start must be on or after ${PCCS_TOOK_OFFICE}, when PCCs took office (police authorities are not generated)`);
  const start = new Date(`${startDay}T00:00:00Z`);
  const end = new Date(Date.UTC(start.getUTCFullYear() + years, start.getUTCMonth(), start.getUTCDate()) - 1);
  const now = options.now ?? new Date();
  if (end.getTime() > now.getTime() - DAY_MS) throw new RangeError(`${years} years from ${startDay} end on ${dayOf(end)}, not in the past: give fewer --years or an earlier --start`);
  return { start, end };
}

const requestsOf = (streams: readonly DecidedStream[]): AppendRequest[] =>
  streams.map((s) => ({ streamId: s.streamId, streamType: s.streamType, expectedVersion: 'no-stream', events: s.events }));

/**
 * Generates a fictitious but lawful ledger: the 43 forces' office holders over the years, their
 * risk appetites, and `collaborations` collaborations with their decisions, benefits and
 * recommendations, every command decided by the aggregates' own deciders with the facts the
 * command runner would look up (a refusal stops it: GeneratedCommandRefused). Deterministic: the
 * same options give the same events, ids included. Every event's metadata says so:
 * `provenance: { illustrative: true, generated: { seed, tool: 'ledger generate' } }`.
 *
 * Order of the log: the offices, then the risk appetites, then each collaboration's streams
 * (collaboration, decisions, benefits, recommendations), collaboration by collaboration in the order
 * they were proposed. Up to `concurrency` collaborations' appends are in flight at once.
 */
export async function generateLedger(options: GenerateOptions, sink: GenerateSink, onProgress?: (progress: GenerateProgress) => void, concurrency = 24): Promise<GenerateReport> {
  const { start, end } = generationWindow(options);
  const { seed } = options;
  const ids = Prng.of(seed, 'event-ids');
  const provenance: Provenance = { illustrative: true, generated: { seed, tool: GENERATE_TOOL } };
  const decisions = new InMemoryDecisions(() => ids.uuid(), provenance, `generated-${seed}`, options.now ?? new Date(), options.onStep);
  let streams = 0;

  // 1. Office holders, handing over with what was pending (from the planned signatures).
  const plans: CollaborationPlan[] = [];
  for (let i = 0; i < options.collaborations; i++) plans.push(planCollaboration(seed, i, start, end));
  plans.sort((a, b) => a.proposedAt.getTime() - b.proposedAt.getTime() || a.index - b.index);
  const officeStreams = decideOffices(decisions, seed, planOffices(seed, start, end), start, plans);
  const first = requestsOf(decisions.take(officeStreams));

  // 2. Each force's risk appetite: declared in its first months, revised now and then.
  const appetiteStreams: string[] = [];
  for (const force of FORCES) {
    const prng = Prng.of(seed, 'risk-appetite', force.code);
    const stream = riskAppetiteStreamId(force.code);
    appetiteStreams.push(stream);
    const declaredAt = new Date(start.getTime() + prng.int(10, 90) * DAY_MS + prng.int(9 * 60, 16 * 60) * 60_000);
    for (const office of OFFICES) {
      const by = officer(decisions, force.code, office, declaredAt);
      for (const category of RISK_CATEGORIES) {
        decisions.run(riskAppetiteAggregate, { kind: 'DeclareRiskAppetite', forceCode: force.code, category, level: prng.pick(RISK_LEVELS), statement: `Generated: the ${office === 'policing-body' ? 'strategic' : 'operational'} appetite for ${category} risk`, occurredAt: declaredAt }, by, undefined);
      }
    }
    for (let t = declaredAt.getTime() + prng.int(60, 400) * DAY_MS; t < end.getTime(); t += prng.int(90, 500) * DAY_MS) {
      const at = new Date(t);
      const office = prng.pick(OFFICES);
      const category = prng.pick(RISK_CATEGORIES);
      const state = decisions.stateOf<RiskAppetiteState>(stream, initialRiskAppetiteState);
      const current = entryFor(state, office === 'policing-body' ? 'strategic' : 'operational', category)!;
      const index = RISK_LEVELS.indexOf(current.level);
      const level = RISK_LEVELS[index === 0 ? 1 : index === RISK_LEVELS.length - 1 ? index - 1 : index + (prng.chance(0.5) ? 1 : -1)]!;
      decisions.run(
        riskAppetiteAggregate,
        { kind: 'ReviseRiskAppetite', forceCode: force.code, category, level, statement: `Generated: the appetite for ${category} risk, revised`, reason: 'Generated: revised after a review of the force’s risk register', occurredAt: at },
        officer(decisions, force.code, office, at),
        undefined,
      );
    }
  }
  first.push(...requestsOf(decisions.take(appetiteStreams)));
  await sink.append(first);
  streams += first.length;
  let events = first.reduce((n, r) => n + r.events.length, 0);

  // 3. The collaborations, in the order proposed; appends overlap with deciding the next ones.
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  let done = 0;
  let written = events;
  onProgress?.({ collaborationsDone: 0, collaborations: plans.length, events });
  try {
    for (const plan of plans) {
      if (failure) break;
      const ran = runCollaborationHistory({ seed, decisions, start, end }, plan);
      const requests = requestsOf(decisions.take(ran));
      decisions.forget(ran);
      streams += requests.length;
      const count = requests.reduce((n, r) => n + r.events.length, 0);
      events += count;
      const appended = sink.append(requests).then(
        () => {
          inFlight.delete(appended);
          done++;
          written += count;
          onProgress?.({ collaborationsDone: done, collaborations: plans.length, events: written });
        },
        (error: unknown) => {
          inFlight.delete(appended);
          failure ??= error;
        },
      );
      inFlight.add(appended);
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
  } finally {
    // A refusal stops the run; what is in flight is let finish (the log is append-only) before it is reported.
    await Promise.allSettled(inFlight);
  }
  if (failure) throw failure;
  return { events, streams, collaborations: plans.length, from: dayOf(start), to: dayOf(end) };
}
