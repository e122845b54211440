import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '#shared-kernel';
import { type Answer, created, httpClient } from '../support/http-client.js';
import { type TestApi, startTestApi } from '../support/test-api.js';

/**
 * Issue 13 item 3, "Who could sign, when", over HTTP against real PostgreSQL: the reference data of
 * each force's policing bodies (GET /forces/{forceCode}/policing-bodies), appointments that name a
 * body that did not exist that day, and signatures by a body that did not exist that day — each a
 * 422 problem detail that writes nothing. Dorset's police authority held the office until the PCC
 * took office on 22 November 2012 (PRSRA 2011 s1; SI 2012/2892); the holders are illustrative.
 */
const registrar: Principal = { personId: 'reg-pb', name: 'National registrar', role: 'registrar' };
const manager: Principal = { personId: 'cm-pb-dorset', name: 'Alliance manager', role: 'collaboration-manager', force: 'dorset' };
const chief = (force: string): Principal => ({ personId: `cc-pb-${force}`, name: `Chief Constable of ${force} (illustrative)`, role: 'chief-officer', force });
const authority = (force: string): Principal => ({ personId: `pa-pb-${force}`, name: `${force} Police Authority (illustrative holder)`, role: 'policing-body', force });
const commissioner = (force: string): Principal => ({ personId: `pcc-pb-${force}`, name: `PCC for ${force} (illustrative holder)`, role: 'policing-body', force });
const person = (p: Principal) => ({ personId: p.personId, name: p.name });
/** History of people since out of office is entered by a registrar on their behalf, naming the record (ActorLeftOffice otherwise). */
const enteredFor = (p: Principal) => ({ entry: { actor: { ...person(p), role: p.role, force: p.force }, source: 'Signed agreement (illustrative)' } });
const FORCES = ['dorset', 'devon-and-cornwall'];

describe('policing bodies over time, over HTTP', () => {
  let api: TestApi;
  let send: ReturnType<typeof httpClient>;
  let id: string;

  const refused = (answer: Answer, status: number, code: string) => {
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ code, status });
    return answer.body!;
  };
  const versionOf = async (path: string) => (await send('GET', path, registrar)).body!.version as number;

  beforeAll(async () => {
    api = await startTestApi();
    send = httpClient(api);
    for (const force of FORCES) {
      created(await send('POST', `/offices/${force}/chief-officer/appointments`, registrar, { holder: person(chief(force)), basis: 'substantive', occurredAt: '2008-01-01T00:00:00Z' }));
      created(await send('POST', `/offices/${force}/policing-body/appointments`, registrar, { holder: person(authority(force)), basis: 'substantive', body: 'police-authority', occurredAt: '2008-01-01T00:00:00Z' }));
    }
    // Dorset's office passes to its PCC; Devon and Cornwall's is (wrongly) never handed over.
    created(await send('POST', '/offices/dorset/policing-body/handovers', registrar, { outgoingPersonId: authority('dorset').personId, incoming: person(commissioner('dorset')), basis: 'substantive', body: 'pcc', note: 'Police authorities abolished (PRSRA 2011)', occurredAt: '2012-11-22T00:00:00Z' }));
    id = created(
      await send('POST', '/collaborations', manager, {
        name: 'Two-force alliance (illustrative)',
        purpose: 'Shared specialist services',
        functions: ['specialist operations'],
        parties: FORCES,
        leadForce: 'dorset',
        costSharing: 'by population (illustrative)',
        noticePeriodMonths: 12,
        reviewDate: '2014-04-01',
        occurredAt: '2008-05-01T00:00:00Z',
      }),
    ).collaborationId;
  });
  afterAll(async () => api?.close());

  it('answers each force’s policing bodies with their days and sources, publicly; 404 for an unknown force; 400 for a parameter it does not take', async () => {
    const gm = (await send('GET', '/forces/greater-manchester/policing-bodies', null)).body!;
    expect(gm.forceCode).toBe('greater-manchester');
    expect(gm.items.map((b: { kind: string; from: string | null; to: string | null }) => [b.kind, b.from, b.to])).toEqual([
      ['police-authority', null, '2012-11-22'],
      ['pcc', '2012-11-22', '2017-05-08'],
      ['mayor', '2017-05-08', null],
    ]);
    expect(gm.items[2].source).toMatchObject({ citation: expect.stringContaining('SI 2016/448'), verified: true, readOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect((await send('GET', '/forces/city-of-london/policing-bodies', null)).body!.items).toMatchObject([{ kind: 'common-council', from: null, to: null }]);
    refused(await send('GET', '/forces/atlantis/policing-bodies', null), 404, 'ForceNotFound');
    refused(await send('GET', '/forces/kent/policing-bodies?asOf=2010-01-01', null), 400, 'UnsupportedQueryParameter');
  });

  it('shows the body each holder held the office in', async () => {
    const office = (await send('GET', '/offices/dorset/policing-body', registrar)).body!;
    expect(office.tenures.map((t: { holder: { personId: string }; body: string }) => [t.holder.personId, t.body])).toEqual([
      [authority('dorset').personId, 'police-authority'],
      [commissioner('dorset').personId, 'pcc'],
    ]);
    expect((await send('GET', '/offices/dorset/chief-officer', registrar)).body!.tenures[0].body).toBeNull();
  });

  it('refuses to appoint a PCC in 2008 or a police authority in 2013: 422 PolicingBodyDidNotExist, nothing written', async () => {
    const before = await versionOf('/offices/kent/policing-body');
    const pcc2008 = refused(
      await send('POST', '/offices/kent/policing-body/appointments', registrar, { holder: { personId: 'pcc-kent-2008', name: 'PCC for Kent' }, basis: 'substantive', body: 'pcc', occurredAt: '2008-01-01T00:00:00Z' }),
      422,
      'PolicingBodyDidNotExist',
    );
    expect(pcc2008).toMatchObject({ forceCode: 'kent', body: 'pcc', on: '2008-01-01', bodyThen: { kind: 'police-authority', to: '2012-11-22' } });
    refused(await send('POST', '/offices/kent/policing-body/appointments', registrar, { holder: { personId: 'pa-kent', name: 'Kent Police Authority' }, basis: 'substantive', body: 'police-authority', occurredAt: '2013-01-01T00:00:00Z' }), 422, 'PolicingBodyDidNotExist');
    refused(await send('POST', '/offices/kent/policing-body/appointments', registrar, { holder: { personId: 'pcc-kent', name: 'PCC' }, basis: 'substantive', body: 'sheriff', occurredAt: '2013-01-01T00:00:00Z' }), 400, 'ValidationFailed');
    expect(await versionOf('/offices/kent/policing-body')).toBe(before);
  });

  it('refuses a PCC signing in 2008 and a police authority signing after 22 November 2012: 422 PolicingBodyDidNotExist, nothing written; the authority signs in 2008', async () => {
    const before = await versionOf(`/collaborations/${id}`);
    const pcc = refused(await send('POST', `/collaborations/${id}/signatures`, commissioner('dorset'), { party: 'dorset', occurredAt: '2008-06-01T00:00:00Z' }), 422, 'PolicingBodyDidNotExist');
    expect(pcc).toMatchObject({ forceCode: 'dorset', body: 'pcc', on: '2008-06-01', bodyThen: { kind: 'police-authority' } });
    // Devon and Cornwall's authority is still recorded as holding the office (no handover recorded): its holder acts, refused because the body no longer existed that day.
    const late = refused(await send('POST', `/collaborations/${id}/signatures`, authority('devon-and-cornwall'), { party: 'devon-and-cornwall', occurredAt: '2013-01-10T00:00:00Z' }), 422, 'PolicingBodyDidNotExist');
    expect(late).toMatchObject({ body: 'police-authority', on: '2013-01-10', bodyThen: { kind: 'pcc' } });
    expect(await versionOf(`/collaborations/${id}`)).toBe(before);
    // Dorset's authority handed over to the PCC in 2012: its 2008 signature is entered by a registrar (ActorLeftOffice if it tried itself).
    refused(await send('POST', `/collaborations/${id}/signatures`, authority('dorset'), { party: 'dorset', occurredAt: '2008-06-01T00:00:00Z' }), 422, 'ActorLeftOffice');
    created(await send('POST', `/collaborations/${id}/signatures`, registrar, { party: 'dorset', occurredAt: '2008-06-01T00:00:00Z', ...enteredFor(authority('dorset')) }));
    expect(await versionOf(`/collaborations/${id}`)).toBe(before + 1);
  });
});
