import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { type EventStore, InMemoryEventStore } from '#event-store';
import { collaborationAggregate, officeAggregate, riskAppetiteAggregate, runCommand } from '#governance';
import type { CommandContext } from '#shared-kernel';

/** History going back years, entered as its actors: a window wide enough for it (the window has its own tests below). */
const WIDE = { backdatingWindowDays: 36_500 };

const manager: CommandContext = {
  principal: { personId: 'cm-1', name: 'Manager', role: 'collaboration-manager', force: 'kent' },
  correlationId: 'corr-1',
  clientIp: '127.0.0.1',
  receivedAt: new Date('2026-11-23T10:00:00Z'),
};
const propose = (collaborationId: string, occurredAt = new Date('2026-11-23T09:59:00Z')) => ({
  kind: 'ProposeCollaboration' as const,
  collaborationId,
  name: 'Seven Force Strategic Alliance',
  purpose: 'Shared services for seven forces',
  functions: ['procurement'],
  parties: ['kent', 'essex'],
  leadForce: 'kent',
  costSharing: 'equal shares',
  noticePeriodMonths: 12,
  reviewDate: '2017-04-01',
  otherParties: [],
  delegationScheme: [],
  annualBudget: null,
  riskAppetite: null,
  publication: null,
  occurredAt,
});

describe('running a command: load, decide, append', () => {
  it('appends the decided events with who, for whom and whether back-dated', async () => {
    const store = new InMemoryEventStore();
    const id = randomUUID();
    const outcome = await runCommand(store, collaborationAggregate, { command: propose(id, new Date('2026-11-01T10:00:00Z')), context: manager });
    expect(outcome).toMatchObject({ streamId: `collaboration-${id}`, version: 1, events: [{ type: 'CollaborationProposed', globalPosition: 1 }] });
    const [event] = await store.readStream(`collaboration-${id}`);
    expect(event!.metadata).toEqual({
      actor: { personId: 'cm-1', name: 'Manager' },
      role: 'collaboration-manager',
      force: 'kent',
      correlationId: 'corr-1',
      causationId: null,
      clientIp: '127.0.0.1',
      backDated: true,
      lateByDays: 22,
    });
    expect(event!.occurredAt).toEqual(new Date('2026-11-01T10:00:00Z'));
  });

  it('does not mark an entry made at the time as back-dated', async () => {
    const store = new InMemoryEventStore();
    const id = randomUUID();
    await runCommand(store, collaborationAggregate, { command: propose(id), context: manager });
    expect((await store.readStream(`collaboration-${id}`))[0]!.metadata).toMatchObject({ backDated: false });
  });

  it('refuses an occurredAt in the future, writing nothing', async () => {
    const store = new InMemoryEventStore();
    const id = randomUUID();
    await expect(
      runCommand(store, collaborationAggregate, { command: propose(id, new Date('2026-11-23T10:05:00Z')), context: manager }),
    ).rejects.toMatchObject({ code: 'OccurredInFuture', kind: 'rule-violated' });
    expect(await store.streamVersion(`collaboration-${id}`)).toBe(0);
  });

  it('answers a stale If-Match with VersionMismatch (412) before deciding, writing nothing', async () => {
    const store = new InMemoryEventStore();
    const id = randomUUID();
    await expect(
      runCommand(store, collaborationAggregate, { command: propose(id), context: manager, expectedVersion: 3 }),
    ).rejects.toMatchObject({ code: 'VersionMismatch', kind: 'precondition-failed', details: { expectedVersion: 3, actualVersion: 0 } });
    expect(await store.streamVersion(`collaboration-${id}`)).toBe(0);
  });

  it('answers a change that won the race between load and append with ConcurrentChange (409), writing nothing of its own', async () => {
    const inner = new InMemoryEventStore();
    const id = randomUUID();
    const streamId = `collaboration-${id}`;
    // Another writer appends right after this command has read the stream.
    const racing: EventStore = Object.assign(Object.create(inner) as EventStore, {
      readStream: async (...args: Parameters<EventStore['readStream']>) => {
        const events = await inner.readStream(...args);
        await inner.append({ streamId, expectedVersion: 'any', events: [{ eventId: randomUUID(), type: 'CollaborationProposed', data: JSON.parse(JSON.stringify(propose(id))) as Record<string, unknown>, occurredAt: new Date('2015-01-01Z') }] });
        return events;
      },
    });
    await expect(runCommand(racing, collaborationAggregate, { command: propose(id), context: manager })).rejects.toMatchObject({
      code: 'ConcurrentChange',
      kind: 'conflict',
      details: { actualVersion: 1 },
    });
    expect(await inner.streamVersion(streamId)).toBe(1);
  });

  it('passes a refusal from decide through unchanged', async () => {
    const store = new InMemoryEventStore();
    const id = randomUUID();
    await expect(
      runCommand(store, collaborationAggregate, { command: { ...propose(id), parties: ['essex', 'dorset'] }, context: manager }),
    ).rejects.toMatchObject({ code: 'LeadForceNotAParty' });
  });
});

describe('facts from other streams, read through the event-store port only', () => {
  it('lists the agreements awaiting an office at its handover, from an in-memory store', async () => {
    const store = new InMemoryEventStore();
    const registrar: CommandContext = { ...manager, principal: { personId: 'reg', name: 'Registrar', role: 'registrar' } };
    const id = randomUUID();
    const alice = { personId: 'alice', name: 'Alice' };
    await runCommand(store, officeAggregate, { command: { kind: 'AppointOfficeHolder', forceCode: 'essex', office: 'chief-officer', holder: alice, basis: 'substantive', occurredAt: new Date('2014-01-01Z') }, context: registrar }, WIDE);
    await runCommand(store, collaborationAggregate, { command: propose(id, new Date('2015-04-01Z')), context: manager }, WIDE);
    await runCommand(store, officeAggregate, {
      command: { kind: 'HandOverOffice', forceCode: 'essex', office: 'chief-officer', outgoingPersonId: 'alice', incoming: { personId: 'bob', name: 'Bob' }, basis: 'acting', note: '', occurredAt: new Date('2015-06-01Z') },
      context: registrar,
    }, WIDE);
    const [, handover] = await store.readStream('office-essex-chief-officer');
    expect(handover!.data).toMatchObject({ pending: [{ kind: 'agreement-signature', collaborationId: id, name: 'Seven Force Strategic Alliance' }] });
  });

  it('lists, for a back-dated handover, what was pending on its date, not now', async () => {
    const store = new InMemoryEventStore();
    const registrar: CommandContext = { ...manager, principal: { personId: 'reg', name: 'Registrar', role: 'registrar' } };
    const alice = { personId: 'alice', name: 'Alice' };
    const signedLater = randomUUID();
    const proposedLater = randomUUID();
    const chief: CommandContext = { ...manager, principal: { personId: 'alice', name: 'Alice', role: 'chief-officer', force: 'essex' } };
    await runCommand(store, officeAggregate, { command: { kind: 'AppointOfficeHolder', forceCode: 'essex', office: 'chief-officer', holder: alice, basis: 'substantive', occurredAt: new Date('2014-01-01Z') }, context: registrar }, WIDE);
    await runCommand(store, collaborationAggregate, { command: propose(signedLater, new Date('2015-04-01Z')), context: manager }, WIDE);
    await runCommand(store, collaborationAggregate, {
      command: { kind: 'SignAgreement', collaborationId: signedLater, party: 'essex', role: 'chief-officer', signatory: alice, occurredAt: new Date('2015-07-01Z') },
      context: chief,
    }, WIDE);
    await runCommand(store, collaborationAggregate, { command: { ...propose(proposedLater, new Date('2015-08-01Z')), name: 'Proposed after' }, context: manager }, WIDE);
    // Entered now, dated 1 June 2015: Alice signed on 1 July, after it, and the second proposal came in August.
    await runCommand(store, officeAggregate, {
      command: { kind: 'HandOverOffice', forceCode: 'essex', office: 'chief-officer', outgoingPersonId: 'alice', incoming: { personId: 'bob', name: 'Bob' }, basis: 'acting', note: '', occurredAt: new Date('2015-06-01Z') },
      context: registrar,
    }, WIDE);
    const [, handover] = await store.readStream('office-essex-chief-officer');
    expect((handover!.data as { pending: unknown[] }).pending).toEqual([
      { kind: 'agreement-signature', collaborationId: signedLater, name: 'Seven Force Strategic Alliance', since: '2015-04-01T00:00:00.000Z' },
    ]);
    expect(handover!.schemaVersion).toBe(3);
  });
});

describe('back-dating: within a window for everyone, beyond it only by a registrar with the record (docs/domain-rules.md, "Back-dating")', () => {
  const registrar = { personId: 'reg-1', name: 'Registrar' };
  const entry = { enteredBy: registrar, source: 'Seven Force Strategic Alliance agreement, signed copy (ref. 7F/2015/1), read 2026-11-20' };

  it('Given the default 30-day window, When a manager dates a proposal 31 days back, Then BackDatedBeyondWindow and nothing is written', async () => {
    const store = new InMemoryEventStore();
    const id = randomUUID();
    await expect(runCommand(store, collaborationAggregate, { command: propose(id, new Date('2026-10-23T09:00:00Z')), context: manager })).rejects.toMatchObject({
      code: 'BackDatedBeyondWindow',
      kind: 'rule-violated',
      details: { lateByDays: 31, windowDays: 30 },
    });
    expect((await store.head()).position).toBe(0);
  });

  it('Given the window, When the act is exactly 30 days old, Then it is recorded, marked 30 days late', async () => {
    const store = new InMemoryEventStore();
    const id = randomUUID();
    await runCommand(store, collaborationAggregate, { command: propose(id, new Date('2026-10-24T10:00:00Z')), context: manager });
    expect((await store.readStream(`collaboration-${id}`))[0]!.metadata).toMatchObject({ backDated: true, lateByDays: 30 });
  });

  it('Given a registrar entry naming the record, When the act is from 2015, Then it is recorded as the actor’s, with who entered it, the source and its lateness', async () => {
    const store = new InMemoryEventStore();
    const id = randomUUID();
    await runCommand(store, collaborationAggregate, { command: propose(id, new Date('2015-04-01T00:00:00Z')), context: { ...manager, entry } });
    expect((await store.readStream(`collaboration-${id}`))[0]!.metadata).toMatchObject({
      actor: { personId: 'cm-1', name: 'Manager' },
      role: 'collaboration-manager',
      enteredBy: registrar,
      source: entry.source,
      backDated: true,
      lateByDays: 4254,
    });
  });

  it('Given a narrower window by configuration, When an act is 8 days old, Then it is refused', async () => {
    const store = new InMemoryEventStore();
    await expect(
      runCommand(store, collaborationAggregate, { command: propose(randomUUID(), new Date('2026-11-15T09:00:00Z')), context: manager }, { backdatingWindowDays: 7 }),
    ).rejects.toMatchObject({ code: 'BackDatedBeyondWindow', details: { windowDays: 7 } });
  });
});

describe('an act entered after its actor left office (docs/domain-rules.md, "Back-dating")', () => {
  const registrarContext: CommandContext = { ...manager, principal: { personId: 'reg', name: 'Registrar', role: 'registrar' } };
  const alice = { personId: 'alice', name: 'Alice' };
  const aliceActing: CommandContext = { ...manager, principal: { ...alice, role: 'chief-officer', force: 'kent' } };
  const appointAndHandOver = async (store: InMemoryEventStore) => {
    await runCommand(store, officeAggregate, { command: { kind: 'AppointOfficeHolder', forceCode: 'kent', office: 'chief-officer', holder: alice, basis: 'substantive', occurredAt: new Date('2026-11-01Z') }, context: registrarContext });
    await runCommand(store, officeAggregate, {
      command: { kind: 'HandOverOffice', forceCode: 'kent', office: 'chief-officer', outgoingPersonId: 'alice', incoming: { personId: 'bob', name: 'Bob' }, basis: 'substantive', note: '', occurredAt: new Date('2026-11-20Z') },
      context: registrarContext,
    });
  };
  const proposed = async (store: InMemoryEventStore) => {
    const id = randomUUID();
    await runCommand(store, collaborationAggregate, { command: propose(id, new Date('2026-11-05Z')), context: manager });
    return id;
  };
  const sign = (id: string) => ({ kind: 'SignAgreement' as const, collaborationId: id, party: 'kent', role: 'chief-officer' as const, signatory: alice, occurredAt: new Date('2026-11-10Z') });

  it('Given Alice handed the office to Bob on 20 November, When Alice enters her signature of 10 November herself, Then ActorLeftOffice and nothing is written', async () => {
    const store = new InMemoryEventStore();
    await appointAndHandOver(store);
    const id = await proposed(store);
    await expect(runCommand(store, collaborationAggregate, { command: sign(id), context: aliceActing })).rejects.toMatchObject({
      code: 'ActorLeftOffice',
      kind: 'rule-violated',
      details: { force: 'kent', office: 'chief-officer', leftOn: '2026-11-20' },
    });
    expect(await store.streamVersion(`collaboration-${id}`)).toBe(1);
  });

  it('Given the same, When a registrar enters Alice’s signature naming the record, Then it is recorded as Alice’s, entered by the registrar', async () => {
    const store = new InMemoryEventStore();
    await appointAndHandOver(store);
    const id = await proposed(store);
    await runCommand(store, collaborationAggregate, { command: sign(id), context: { ...aliceActing, entry: { enteredBy: { personId: 'reg', name: 'Registrar' }, source: 'Signed agreement, page 12' } } });
    const [, signed] = await store.readStream(`collaboration-${id}`);
    expect(signed).toMatchObject({ type: 'AgreementSigned', metadata: { actor: { personId: 'alice' }, enteredBy: { personId: 'reg' }, source: 'Signed agreement, page 12' } });
  });

  it('Given Alice still holds the office, When she signs, Then it is recorded', async () => {
    const store = new InMemoryEventStore();
    await runCommand(store, officeAggregate, { command: { kind: 'AppointOfficeHolder', forceCode: 'kent', office: 'chief-officer', holder: alice, basis: 'substantive', occurredAt: new Date('2026-11-01Z') }, context: registrarContext });
    const id = await proposed(store);
    await runCommand(store, collaborationAggregate, { command: sign(id), context: aliceActing });
    expect(await store.streamVersion(`collaboration-${id}`)).toBe(2);
  });
});

describe('every act of a policing body is judged by the body its holder held office in that day (PRSRA 2011 s1, Sch 15)', () => {
  const registrarContext: CommandContext = { ...manager, principal: { personId: 'reg', name: 'Registrar', role: 'registrar' } };
  const member = { personId: 'pa-kent', name: 'Kent Police Authority (illustrative holder)' };
  const declare = (on: string) => ({ kind: 'DeclareRiskAppetite' as const, forceCode: 'kent', category: 'financial' as const, level: 'cautious' as const, statement: 'Illustrative', occurredAt: new Date(on) });
  const asMember: CommandContext = { ...manager, principal: { ...member, role: 'policing-body', force: 'kent' } };

  it('Given a police authority holder still recorded in office, When they declare a risk appetite in 2013, Then PolicingBodyDidNotExist and nothing is written; in 2011 it is recorded', async () => {
    const store = new InMemoryEventStore();
    await runCommand(store, officeAggregate, { command: { kind: 'AppointOfficeHolder', forceCode: 'kent', office: 'policing-body', holder: member, basis: 'substantive', occurredAt: new Date('2010-01-04Z') }, context: registrarContext }, WIDE);
    await expect(runCommand(store, riskAppetiteAggregate, { command: declare('2013-02-01Z'), context: asMember }, WIDE)).rejects.toMatchObject({
      code: 'PolicingBodyDidNotExist',
      details: { forceCode: 'kent', body: 'police-authority', on: '2013-02-01', bodyThen: { kind: 'pcc' } },
    });
    expect(await store.streamVersion('risk-appetite-kent')).toBe(0);
    await runCommand(store, riskAppetiteAggregate, { command: declare('2011-02-01Z'), context: asMember }, WIDE);
    expect((await store.readStream('risk-appetite-kent')).length).toBeGreaterThan(0);
  });
});
