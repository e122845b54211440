import { describe, expect, it } from '@jest/globals';
import { type AppendRequest, InMemoryEventStore } from '#event-store';
import { type GeneratedStep, type GenerateOptions, generateLedger, generationWindow, policingBodyKindOn, runCommand, upcast } from '#governance';

/** `ledger generate`'s library: a fictitious history, decided by the real deciders, the same for the same seed. */
const NOW = new Date('2026-11-29T00:00:00Z');

async function generate(options: Omit<GenerateOptions, 'now'>) {
  const appended: AppendRequest[] = [];
  const steps: GeneratedStep[] = [];
  const report = await generateLedger({ ...options, now: NOW, onStep: (step) => steps.push(step) }, { append: async (requests) => void appended.push(...requests) });
  return { appended, steps, report };
}

const typesOf = (appended: AppendRequest[]) => new Set(appended.flatMap((r) => r.events.map((e) => e.type)));

describe('ledger generate (library)', () => {
  it('gives byte-identical events for the same seed, and different ones for another', async () => {
    const a = await generate({ collaborations: 6, years: 3, seed: 42 });
    const b = await generate({ collaborations: 6, years: 3, seed: 42 });
    const c = await generate({ collaborations: 6, years: 3, seed: 43 });
    expect(a.report.events).toBeGreaterThan(100);
    expect(JSON.stringify(b.appended)).toBe(JSON.stringify(a.appended));
    expect(JSON.stringify(c.appended)).not.toBe(JSON.stringify(a.appended));
  });

  it('generates a history every decider accepted, marked generated and illustrative, with fictitious people', async () => {
    const { appended, report } = await generate({ collaborations: 40, years: 8, seed: 7 });
    expect(report).toMatchObject({ collaborations: 40, from: '2013-01-01', to: '2020-12-31' });
    expect(report.events).toBe(appended.reduce((n, r) => n + r.events.length, 0));
    expect(report.streams).toBe(appended.length);
    expect(new Set(appended.map((r) => r.streamId)).size).toBe(appended.length);
    const types = typesOf(appended);
    for (const type of [
      'OfficeHolderAppointed',
      'OfficeHandedOver',
      'RiskAppetiteDeclared',
      'RiskAppetiteRevised',
      'CollaborationProposed',
      'AgreementSigned',
      'AgreementCameIntoForce',
      'VariationProposed',
      'VariationSigned',
      'VariationAgreed',
      'DecisionProposed',
      'DecisionApproved',
      'DecisionTaken',
      'DecisionEscalated',
      'BenefitIdentified',
      'BenefitProfileApproved',
      'BenefitMeasured',
      'RecommendationRaised',
      'ActionPlanned',
      'ReviewCompleted',
      'KeyRoleStaffed',
    ]) {
      expect([type, types.has(type)]).toEqual([type, true]);
    }
    const faults: string[] = [];
    for (const request of appended) {
      for (const event of request.events) {
        const metadata = event.metadata as { provenance?: unknown; backDated?: unknown; enteredBy?: { personId?: string }; lateByDays?: unknown };
        if (metadata.enteredBy?.personId !== 'generated-registrar' || typeof metadata.lateByDays !== 'number') faults.push(`${event.type}: not entered as history ${JSON.stringify(metadata)}`);
        if (JSON.stringify(metadata.provenance) !== JSON.stringify({ illustrative: true, generated: { seed: 7, tool: 'ledger generate' } }) || metadata.backDated !== true) faults.push(`${event.type}: metadata ${JSON.stringify(metadata)}`);
        if (event.occurredAt.getTime() > Date.parse('2021-01-01T00:00:00Z')) faults.push(`${event.type}: after the window, ${event.occurredAt.toISOString()}`);
        // Every named person is generated: no real name can slip in.
        for (const name of JSON.stringify([event.data, event.metadata]).match(/"name":"[^"]*"/g) ?? []) {
          if (!/"name":"Generated (holder \d+|person \d+|registrar|collaboration \d+: )/.test(name)) faults.push(`${event.type}: ${name}`);
        }
      }
    }
    expect(faults).toEqual([]);
  });

  it('decides what the real command runner decides, with the facts it looks up from the log', async () => {
    const { steps, appended } = await generate({ collaborations: 8, years: 4, seed: 3 });
    const store = new InMemoryEventStore();
    // In the order things happened, each command through runCommand: it loads the streams and facts itself.
    const ordered = steps.map((step, index) => ({ step, index })).sort((a, b) => a.step.command.occurredAt.getTime() - b.step.command.occurredAt.getTime() || a.index - b.index);
    for (const { step } of ordered) {
      const outcome = await runCommand(store, step.aggregate, { command: step.command, context: step.context });
      const recorded = await store.readStream(outcome.streamId, { fromVersion: outcome.version - outcome.events.length + 1 });
      // A generated handover lists only the agreements awaiting the office's signature (planned before the
      // collaborations are decided); the runner lists every kind pending then (pending-for-office.ts). So
      // the pending lists are compared as a subset; everything else exactly. A known gap: docs/benchmarks.md.
      const withoutPending = (data: unknown) => ({ ...(data as Record<string, unknown>), pending: undefined });
      expect(recorded.map((e) => ({ type: e.type, data: withoutPending(upcast(e).data), occurredAt: e.occurredAt }))).toEqual(step.events.map((e) => ({ type: e.type, data: withoutPending(e.data), occurredAt: e.occurredAt })));
      for (const [i, e] of recorded.entries()) {
        const generated = (step.events[i]!.data as { pending?: unknown[] }).pending;
        if (generated) expect((upcast(e).data as { pending: unknown[] }).pending).toEqual(expect.arrayContaining(generated));
      }
      // The same metadata, but for backDated: the runner judges it by the decide clock (a minute after), the generator by when the ledger learns of it.
      // lateByDays likewise (the generator records how late against when the ledger learns of it).
      expect(recorded.map((e) => ({ ...e.metadata, backDated: true }))).toEqual(step.events.map(({ metadata }) => { const { lateByDays: _late, ...rest } = metadata as Record<string, unknown>; return rest; }));
    }
    expect(steps.reduce((n, s) => n + s.events.length, 0)).toBe(appended.reduce((n, r) => n + r.events.length, 0));
  });

  it('answers which policing body a force had on a date in one place', () => {
    expect(policingBodyKindOn('kent', '2013-01-01')).toBe('PCC');
    expect(policingBodyKindOn('greater-manchester', '2017-05-07')).toBe('PCC');
    expect(policingBodyKindOn('greater-manchester', '2017-05-08')).toBe('mayor');
    expect(policingBodyKindOn('essex', '2018-01-01')).toBe('PFCC');
    expect(policingBodyKindOn('city-of-london', '2020-01-01')).toBe('police-authority');
    expect(() => policingBodyKindOn('kent', '2012-11-21')).toThrow(/not modelled/);
  });

  it('refuses a window it cannot generate', () => {
    const base = { collaborations: 1, years: 2, seed: 1, now: NOW };
    expect(() => generationWindow({ ...base, collaborations: 0 })).toThrow(/--collaborations/);
    expect(() => generationWindow({ ...base, years: 20 })).toThrow(/not in the past/);
    expect(() => generationWindow({ ...base, start: '2010-01-01' })).toThrow(/PCCs took office/);
    expect(() => generationWindow({ ...base, seed: -1 })).toThrow(/--seed/);
  });
});
