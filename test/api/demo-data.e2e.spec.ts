import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type EventStore, RAW_EVENT_STORE, verifyLog } from '#event-store';
import { DemoHistory, LedgerCommands } from '#governance';
import type { Principal } from '#shared-kernel';
import { httpClient } from '../support/http-client.js';
import { projectionsCaughtUp } from '../support/projections.js';
import { type TestApi, startTestApi } from '../support/test-api.js';

/** The demo history goes through the same commands and rules as real use, and reads back as the public record says. */
describe('the demo history', () => {
  let api: TestApi;
  const auditor: Principal = { personId: 'aud', name: 'Auditor', role: 'auditor' };

  beforeAll(async () => {
    api = await startTestApi();
    await new DemoHistory(api.app.get(LedgerCommands)).load();
    await projectionsCaughtUp(api);
  });
  afterAll(async () => api?.close());

  it('registers the eight collaborations with the statuses and dates of the public record', async () => {
    const send = httpClient(api);
    const { items, total } = (await send('GET', '/register', auditor)).body!;
    expect(total).toBe(8);
    const byName = Object.fromEntries(items.map((e: { name: string }) => [e.name, e]));
    const day = (instant: string | null) => instant?.slice(0, 10);
    expect(byName['Seven Force Strategic Alliance']).toMatchObject({ status: 'in-force', parties: expect.arrayContaining(['kent', 'essex', 'suffolk']) });
    // Tri-force: ended by agreement in April 2019, not by Avon and Somerset's notice (it never had to take effect).
    expect(byName['South West Tri-force Specialist Operations']).toMatchObject({ status: 'terminated', withdrawnParties: [] });
    expect(day(byName['South West Tri-force Specialist Operations'].terminatedAt)).toBe('2019-04-30');
    // NWMPG: Lancashire left; disbanded 1 April 2025.
    expect(byName['North West Motorway Police Group']).toMatchObject({ status: 'terminated', withdrawnParties: ['lancashire'] });
    expect(day(byName['North West Motorway Police Group'].terminatedAt)).toBe('2025-04-01');
    // West Mercia–Warwickshire: the s23G direction kept it going past the notice; it ended by agreement on 1 April 2020.
    expect(byName['West Mercia and Warwickshire Strategic Alliance']).toMatchObject({ status: 'terminated' });
    expect(day(byName['West Mercia and Warwickshire Strategic Alliance'].terminatedAt)).toBe('2020-04-01');
    expect(day(byName['Devon and Cornwall and Dorset Strategic Alliance'].cameIntoForceAt)).toBe('2015-03-27');
    const decisions = (await send('GET', '/decision-log', auditor)).body!.items as Array<{ status: string; title: string; daysToDecide: number | null }>;
    // The vehicle framework (taken), the merger business case (rejected), and an illustrative decision taken under urgency and ratified by every approver it skipped.
    expect(decisions.map((d) => d.status).sort()).toEqual(['ratified', 'rejected', 'taken']);
    const sevenForce = (await send('GET', `/collaborations/${byName['Seven Force Strategic Alliance'].collaborationId}`, auditor)).body!;
    expect(sevenForce.reviews).toMatchObject([{ outcome: 'continue', nextReviewDate: '2018-03-29' }]);
    expect(decisions.find((d) => d.status === 'taken')!.daysToDecide).toBe(21);
    const benefits = (await send('GET', '/benefits-against-plan', auditor)).body!.items as Array<{ category: string }>;
    expect(benefits.map((b) => b.category).sort()).toEqual(['economic', 'effectiveness', 'effectiveness', 'effectiveness', 'effectiveness', 'effectiveness', 'efficiency']);
    const published = (await send('GET', '/public/register', null)).body!.items as Array<{ name: string; publication: string }>;
    expect(published.map((p) => [p.name, p.publication])).toEqual([['All Wales collaboration', 'full'], ['Seven Force Strategic Alliance', 'redacted']]);
  });

  it('reads each agreement under the section of its day, signed by the bodies that existed, with terms as varied and directions as made', async () => {
    const send = httpClient(api);
    const { items } = (await send('GET', '/register', auditor)).body!;
    const idOf = (name: string) => items.find((e: { name: string }) => e.name === name).collaborationId as string;
    const read = async (name: string, query = '') => (await send('GET', `/collaborations/${idOf(name)}${query}`, auditor)).body!;
    const motorway = await read('North West Motorway Police Group');
    expect(motorway.legalBasis).toMatchObject({ section: 's23 (1996 text)' });
    const westMercia = await read('West Mercia and Warwickshire Strategic Alliance');
    expect(westMercia.legalBasis).toMatchObject({ section: 's23/s23A (2009 text)' });
    expect(westMercia.directions).toMatchObject([{ statutoryBasis: 'Police Act 1996 s23G', continueUntil: '2020-04-08' }]);
    expect((await read('Seven Force Strategic Alliance')).legalBasis).toMatchObject({ section: 's22A' });
    // No police and crime commissioner signed before 22 November 2012; police authorities signed before it.
    for (const { collaborationId } of items as Array<{ collaborationId: string }>) {
      const c = (await send('GET', `/collaborations/${collaborationId}`, auditor)).body!;
      for (const s of c.signatures as Array<{ role: string; signedAt: string; signatory: { personId: string } }>) {
        if (s.role !== 'policing-body') continue;
        expect(s.signatory.personId.startsWith(s.signedAt < '2012-11-22' ? 'demo-pa-' : 'demo-pb-') || s.signatory.personId.startsWith('demo-mayor-')).toBe(true);
      }
    }
    // Every policing-body signature, on an agreement or a variation, is by a holder whose body existed
    // that day: the body of their tenure is the force's policing body on the signature's date.
    const bodiesOf = new Map<string, Array<{ kind: string; from: string | null; to: string | null }>>();
    const tenuresOf = new Map<string, Array<{ holder: { personId: string }; body: string | null; from: string; to?: string }>>();
    let checkedSignatures = 0;
    for (const { collaborationId } of items as Array<{ collaborationId: string }>) {
      const c = (await send('GET', `/collaborations/${collaborationId}`, auditor)).body!;
      const variationSignatures = (c.variations as Array<{ signatures: unknown[] }>).flatMap((v) => v.signatures);
      for (const s of [...c.signatures, ...variationSignatures] as Array<{ party: string; role: string; signedAt: string; signatory: { personId: string } }>) {
        if (s.role !== 'policing-body') continue;
        if (!bodiesOf.has(s.party)) bodiesOf.set(s.party, (await send('GET', `/forces/${s.party}/policing-bodies`, null)).body!.items);
        if (!tenuresOf.has(s.party)) tenuresOf.set(s.party, (await send('GET', `/offices/${s.party}/policing-body`, auditor)).body!.tenures);
        const day = s.signedAt.slice(0, 10);
        const bodyThen = bodiesOf.get(s.party)!.find((b) => (b.from === null || b.from <= day) && (b.to === null || day < b.to))!;
        const tenure = tenuresOf.get(s.party)!.find((t) => t.from <= s.signedAt && (!t.to || s.signedAt < t.to))!;
        expect({ party: s.party, day, holder: tenure.holder.personId, body: tenure.body }).toEqual({ party: s.party, day, holder: s.signatory.personId, body: bodyThen.kind });
        checkedSignatures += 1;
      }
    }
    expect(checkedSignatures).toBeGreaterThan(20);
    expect(tenuresOf.get('greater-manchester')!.map((t) => t.body)).toEqual(['police-authority', 'pcc', 'mayor']);
    expect(((await send('GET', '/offices/essex/policing-body', auditor)).body!.tenures as Array<{ body: string; from: string }>).map((t) => [t.body, t.from.slice(0, 10)])).toEqual([
      ['police-authority', '2008-01-01'],
      ['pcc', '2012-11-22'],
      ['pfcc', '2017-10-01'],
    ]);
    // The Tri-force's dogs: in scope until the variation agreed on 1 April 2019, not after.
    expect((await read('South West Tri-force Specialist Operations', '?asOf=2019-03-31')).functions).toContain('dogs');
    expect((await read('South West Tri-force Specialist Operations', '?asOf=2019-04-15')).functions).not.toContain('dogs');
  });

  it('hands offices over with what was pending on the day: the illustrative acting spell in Suffolk carries the vehicle framework’s approval; nothing awaited the police authorities on 22 November 2012', async () => {
    const send = httpClient(api);
    const { items } = (await send('GET', '/office-holders?force=suffolk&limit=50', auditor)).body!;
    const tenures = items as Array<{ office: string; personId: string; heldFrom: string; endedBy: string | null; pendingAtEnd: Array<{ kind: string; name: string; since: string | null; decisionId?: string }> }>;
    const chief = tenures.filter((t) => t.office === 'chief-officer');
    expect(chief.map((t) => [t.personId, t.heldFrom.slice(0, 10), t.endedBy])).toEqual([
      ['demo-cc-suffolk', '2008-01-01', 'acting-designation'],
      ['demo-dcc-suffolk', '2016-05-09', 'handover'],
      ['demo-cc-suffolk', '2016-05-23', null],
    ]);
    const framework = { kind: 'decision-approval', name: 'Joint procurement framework for vehicles (illustrative)', since: '2016-05-03T09:00:00.000Z', collaborationName: 'Seven Force Strategic Alliance' };
    expect(chief[0]!.pendingAtEnd).toEqual([expect.objectContaining(framework)]);
    expect(chief[1]!.pendingAtEnd).toEqual([expect.objectContaining(framework)]);
    const authority = tenures.find((t) => t.office === 'policing-body' && t.personId === 'demo-pa-suffolk')!;
    expect(authority).toMatchObject({ endedBy: 'handover', pendingAtEnd: [] });
  });

  it('carries in every event’s metadata its source or that it is illustrative', async () => {
    const send = httpClient(api);
    let after: string | undefined;
    let end = false;
    let checked = 0;
    const sources = new Set<string>();
    do {
      const page = (await send('GET', `/events?limit=1000${after ? `&after=${after}` : ''}`, auditor)).body!;
      for (const e of page.items as Array<{ type: string; metadata: { provenance?: { source?: string; illustrative?: boolean }; enteredBy?: { personId: string }; source?: string; lateByDays?: number; backDated?: boolean } }>) {
        expect(e.metadata.provenance?.illustrative === true || typeof e.metadata.provenance?.source === 'string').toBe(true);
        // Entered as a registrar enters history beyond the back-dating window: by the demo's loader, naming its record.
        expect(e.metadata.enteredBy?.personId).toBe('demo-registrar');
        expect(e.metadata.source).toBe(e.metadata.provenance?.source ?? 'Illustrative: the public record is silent here (docs/demo-data.md)');
        if (e.metadata.backDated) expect(typeof e.metadata.lateByDays).toBe('number');
        if (e.metadata.provenance?.source) sources.add(e.metadata.provenance.source);
        checked += 1;
      }
      after = page.next;
      end = page.end;
    } while (!end);
    expect(checked).toBeGreaterThan(100);
    expect([...sources].some((s) => s.includes('seed 002'))).toBe(true);
  });

  it('verifies clean: every digest, chain and head of the demo history (as stored: personal names encrypted)', async () => {
    const report = await verifyLog(api.app.get<EventStore>(RAW_EVENT_STORE));
    expect(report.faults).toEqual([]);
    expect(report.eventsChecked).toBeGreaterThan(100);
  });
});
