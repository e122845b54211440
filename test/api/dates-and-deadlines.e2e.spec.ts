import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '#shared-kernel';
import { type Answer, created, httpClient } from '../support/http-client.js';
import { projectionsCaughtUp } from '../support/projections.js';
import { type TestApi, startTestApi } from '../support/test-api.js';

/**
 * Dates that cannot lie, and the rules of issue 13 items 4 and 6 for decisions, benefits, risk
 * appetite and recommendations, over HTTP against real PostgreSQL (docs/domain-rules.md): every act
 * dated before what it acts on is a 422 ActPrecedesWhatItActsOn that writes nothing; a decision is
 * taken on its latest approval's date; benefits are measured for ended months since the baseline
 * and realised only on measurements; recommendations go to forces or national bodies, and the
 * policing body's response has its s55(5A) deadline and is marked late after it.
 */
const FORCES = ['essex', 'kent', 'suffolk'];
const registrar: Principal = { personId: 'reg', name: 'Registrar', role: 'registrar' };
const auditor: Principal = { personId: 'aud', name: 'Auditor', role: 'auditor' };
const manager: Principal = { personId: 'cm-essex', name: 'Alliance programme manager', role: 'collaboration-manager', force: 'essex' };
const chief = (force: string): Principal => ({ personId: `cc-${force}`, name: `Chief Constable of ${force}`, role: 'chief-officer', force });
const body = (force: string): Principal => ({ personId: `pcc-${force}`, name: `PCC for ${force}`, role: 'policing-body', force });
const t = (date: string) => `${date}T00:00:00Z`;

describe('dates that cannot lie, national bodies and the s55 deadline, over HTTP', () => {
  let api: TestApi;
  let send: ReturnType<typeof httpClient>;
  let collaborationId: string;
  /** A refusal: its status and code, as a problem detail. */
  const refused = (answer: Answer, status: number, code: string) => {
    expect({ status: answer.status, code: answer.body?.code, type: answer.headers.get('content-type') }).toEqual({ status, code, type: expect.stringContaining('application/problem+json') });
    return answer.body!;
  };
  const versionOf = async (path: string) => (await send('GET', path, auditor)).body!.version as number;

  beforeAll(async () => {
    api = await startTestApi();
    send = httpClient(api);
    for (const force of FORCES) {
      for (const holder of [chief(force), body(force)]) {
        created(await send('POST', `/offices/${force}/${holder.role}/appointments`, registrar, { holder: { personId: holder.personId, name: holder.name }, basis: 'substantive', occurredAt: t('2014-01-01') }));
      }
    }
    collaborationId = created(
      await send('POST', '/collaborations', manager, {
        name: 'Eastern shared services alliance (illustrative)',
        purpose: 'Shared specialist services',
        functions: ['firearms training'],
        parties: FORCES,
        leadForce: 'essex',
        costSharing: 'equal',
        noticePeriodMonths: 12,
        reviewDate: '2018-04-01',
        delegationScheme: [{ category: 'financial', leadForceAloneUpToGbp: 250_000, aboveLimit: 'all-chief-officers' }],
        occurredAt: t('2015-01-05'),
      }),
    ).collaborationId;
    for (const force of FORCES) for (const who of [chief(force), body(force)]) created(await send('POST', `/collaborations/${collaborationId}/signatures`, who, { party: force, occurredAt: t('2015-02-01') }));
  });
  afterAll(async () => api?.close());

  const propose = async (title: string, valueGbp: number, occurredAt: string) =>
    created(await send('POST', '/decisions', manager, { collaborationId, title, category: 'financial', valueGbp, rationale: 'r', optionsConsidered: ['a', 'b'], occurredAt })).decisionId as string;

  it('refuses approvals, rejections, escalations and urgency dated before the proposal, writing nothing', async () => {
    const decisionId = await propose('Build a shared range', 900_000, t('2016-06-01'));
    const path = (p: string) => `/decisions/${decisionId}/${p}`;
    const before = await versionOf(`/decisions/${decisionId}`);
    const problem = refused(await send('POST', path('approvals'), chief('kent'), { occurredAt: t('2016-05-27') }), 422, 'ActPrecedesWhatItActsOn');
    expect(problem).toMatchObject({ act: 'the approval', actOccurredAt: '2016-05-27T00:00:00.000Z', actsOn: 'the proposal', actsOnOccurredAt: '2016-06-01T00:00:00.000Z' });
    refused(await send('POST', path('rejections'), chief('kent'), { reason: 'r', occurredAt: t('2016-05-01') }), 422, 'ActPrecedesWhatItActsOn');
    refused(await send('POST', path('escalations'), manager, { to: 'all-chief-officers-and-policing-bodies', reason: 'r', occurredAt: t('2016-05-01') }), 422, 'ActPrecedesWhatItActsOn');
    refused(await send('POST', path('urgency'), chief('essex'), { justification: 'j', occurredAt: t('2016-05-01') }), 422, 'ActPrecedesWhatItActsOn');
    expect(await versionOf(`/decisions/${decisionId}`)).toBe(before);
  });

  it('is taken on the date of its latest approval, whatever order the approvals were entered in, and shows the rule that judged it', async () => {
    const decisionId = await propose('Joint vehicle framework', 1_800_000, t('2016-05-03'));
    created(await send('POST', `/decisions/${decisionId}/approvals`, chief('essex'), { occurredAt: t('2016-05-24') }));
    created(await send('POST', `/decisions/${decisionId}/approvals`, chief('kent'), { occurredAt: t('2016-07-19') }));
    const last = created(await send('POST', `/decisions/${decisionId}/approvals`, chief('suffolk'), { occurredAt: t('2016-05-24') }));
    expect(last.events.map((e: { type: string }) => e.type)).toEqual(['DecisionApproved', 'DecisionTaken']);
    const read = (await send('GET', `/decisions/${decisionId}`, auditor)).body!;
    expect(read).toMatchObject({
      status: 'taken',
      decidedAt: '2016-07-19T00:00:00.000Z',
      daysToDecide: 77,
      judgedUnder: { asAt: '2016-05-03T00:00:00.000Z', rule: { category: 'financial', leadForceAloneUpToGbp: 250_000, aboveLimit: 'all-chief-officers' } },
    });
    // As at a day between the approvals, it was still open.
    expect((await send('GET', `/decisions/${decisionId}?asOf=2016-06-30`, auditor)).body).toMatchObject({ status: 'open', decidedAt: null });
  });

  it('refuses a ratification or a rescission dated before the urgent decision', async () => {
    const decisionId = await propose('Emergency range repairs', 400_000, t('2016-07-01'));
    created(await send('POST', `/decisions/${decisionId}/urgency`, chief('essex'), { justification: 'Range closed', occurredAt: t('2016-07-02') }));
    const before = await versionOf(`/decisions/${decisionId}`);
    refused(await send('POST', `/decisions/${decisionId}/ratifications`, chief('kent'), { occurredAt: '2016-07-01T12:00:00Z' }), 422, 'ActPrecedesWhatItActsOn');
    refused(await send('POST', `/decisions/${decisionId}/rescission`, chief('suffolk'), { reason: 'r', occurredAt: t('2016-07-01') }), 422, 'ActPrecedesWhatItActsOn');
    expect(await versionOf(`/decisions/${decisionId}`)).toBe(before);
    created(await send('POST', `/decisions/${decisionId}/ratifications`, chief('kent'), { occurredAt: t('2016-07-10') }));
  });

  it('refuses a risk-appetite revision dated before the declaration', async () => {
    created(await send('POST', '/forces/kent/risk-appetite/declarations', chief('kent'), { category: 'partnership', level: 'open', statement: 'Open to shared services', occurredAt: t('2015-01-01') }));
    refused(
      await send('POST', '/forces/kent/risk-appetite/revisions', chief('kent'), { category: 'partnership', level: 'cautious', statement: 's', reason: 'r', occurredAt: t('2014-12-01') }),
      422,
      'ActPrecedesWhatItActsOn',
    );
    const entries = (await send('GET', '/forces/kent/risk-appetite', auditor)).body!.entries;
    expect(entries).toEqual([expect.objectContaining({ level: 'open', history: [expect.objectContaining({ level: 'open' })] })]);
  });

  it('measures ended months since the baseline, after the profile’s approval, and closes as realised only on measurements', async () => {
    const { benefitId } = created(
      await send('POST', '/benefits', manager, {
        collaborationId,
        title: 'Cashable savings from shared training',
        category: 'economic',
        measure: 'monthly cashable saving',
        unit: 'GBP',
        baseline: 0,
        target: 1_200_000,
        targetDate: '2017-03-31',
        owner: { personId: 'fin-1', name: 'Head of finance (illustrative)' },
        sharePerForce: [{ party: 'essex', percent: 40 }, { party: 'kent', percent: 30 }, { party: 'suffolk', percent: 30 }],
        occurredAt: t('2016-03-01'),
      }),
    );
    const path = (p: string) => `/benefits/${benefitId}/${p}`;
    refused(await send('POST', path('profile-approval'), chief('essex'), { occurredAt: t('2016-02-01') }), 422, 'ActPrecedesWhatItActsOn');
    created(await send('POST', path('profile-approval'), chief('essex'), { occurredAt: t('2016-05-15') }));
    const before = await versionOf(`/benefits/${benefitId}`);
    expect(refused(await send('POST', path('measurements'), manager, { period: '2016-05', value: 1, evidence: 'e', occurredAt: t('2016-05-28') }), 422, 'MeasurementPeriodNotEnded')).toMatchObject({
      period: '2016-05',
      periodEndsAt: '2016-06-01T00:00:00.000Z',
    });
    refused(await send('POST', path('measurements'), manager, { period: '2016-02', value: 1, evidence: 'e', occurredAt: t('2016-06-01') }), 422, 'MeasurementBeforeBaseline');
    refused(await send('POST', path('measurements'), manager, { period: '2016-03', value: 1, evidence: 'e', occurredAt: t('2016-04-05') }), 422, 'ActPrecedesWhatItActsOn');
    refused(await send('POST', path('target-revisions'), manager, { target: 1, reason: 'r', occurredAt: t('2016-02-01') }), 422, 'ActPrecedesWhatItActsOn');
    refused(await send('POST', path('business-as-usual'), manager, { owner: { personId: 'o', name: 'Owner' }, note: 'n', occurredAt: t('2016-05-01') }), 422, 'ActPrecedesWhatItActsOn');
    refused(await send('POST', path('post-implementation-reviews'), manager, { findings: 'f', occurredAt: t('2016-02-01') }), 422, 'ActPrecedesWhatItActsOn');
    refused(await send('POST', path('closure'), manager, { outcome: 'not-realised', note: 'n', occurredAt: t('2016-02-01') }), 422, 'ActPrecedesWhatItActsOn');
    refused(await send('POST', path('closure'), manager, { outcome: 'realised', note: 'n', occurredAt: t('2016-06-01') }), 422, 'NoMeasurementsToRealise');
    expect(await versionOf(`/benefits/${benefitId}`)).toBe(before);
    created(await send('POST', path('measurements'), manager, { period: '2016-04', value: 80_000, evidence: 'RCB April', occurredAt: t('2016-05-20') }));
    refused(await send('POST', path('measurements'), manager, { period: '2016-04', value: 82_000, evidence: 'again', correctionReason: 'late invoice', occurredAt: t('2016-05-19') }), 422, 'ActPrecedesWhatItActsOn');
    created(await send('POST', path('closure'), manager, { outcome: 'realised', note: 'Measured and sustained', occurredAt: t('2016-06-01') }));
  });

  it('gives an inspection report’s recommendation its s55(5A) deadline, records a late response as late, and refuses acts dated before it was raised', async () => {
    const dcc = { personId: 'dcc-suffolk', name: 'Deputy Chief Constable of Suffolk (illustrative)' };
    const hardYards = {
      source: 'inspection-report',
      reference: 'PEEL spotlight report: The Hard Yards (HMICFRS, 21 July 2020)',
      kind: 'recommendation',
      text: 'Forces without an effective system to track collaboration benefits should use the national methodology.',
      addressedTo: 'suffolk',
      collaborationId,
      owner: dcc,
      dueDate: '2021-03-31',
      reportPublishedOn: '2020-07-21',
    };
    refused(await send('POST', '/recommendations', chief('suffolk'), { ...hardYards, occurredAt: t('2020-07-20') }), 422, 'ActPrecedesWhatItActsOn');
    expect(await send('POST', '/recommendations', chief('suffolk'), { ...hardYards, reportPublishedOn: '2020-07-32', occurredAt: t('2020-07-21') })).toMatchObject({ status: 400, body: { code: 'ValidationFailed' } });
    const { recommendationId } = created(await send('POST', '/recommendations', chief('suffolk'), { ...hardYards, occurredAt: t('2020-07-21') }));
    const path = (p: string) => `/recommendations/${recommendationId}/${p}`;
    expect((await send('GET', `/recommendations/${recommendationId}`, auditor)).body).toMatchObject({ addresseeKind: 'force', reportPublishedOn: '2020-07-21', responseDeadline: '2020-09-14' });

    const before = await versionOf(`/recommendations/${recommendationId}`);
    const early = t('2020-07-01');
    refused(await send('POST', path('actions'), chief('suffolk'), { action: 'Adopt the methodology', owner: dcc, dueDate: '2021-01-31', occurredAt: early }), 422, 'ActPrecedesWhatItActsOn');
    refused(await send('POST', path('progress'), chief('suffolk'), { note: 'n', occurredAt: early }), 422, 'ActPrecedesWhatItActsOn');
    refused(await send('POST', path('evidence'), chief('suffolk'), { reference: 'r', description: 'd', occurredAt: early }), 422, 'ActPrecedesWhatItActsOn');
    refused(await send('POST', path('due-date-revisions'), chief('suffolk'), { dueDate: '2021-09-30', reason: 'r', occurredAt: early }), 422, 'ActPrecedesWhatItActsOn');
    refused(await send('POST', path('policing-body-response'), body('suffolk'), { response: 'r', occurredAt: early }), 422, 'ActPrecedesWhatItActsOn');
    expect(await versionOf(`/recommendations/${recommendationId}`)).toBe(before);

    // Published on 1 December 2020, after the deadline of 14 September: recorded, and marked late.
    created(
      await send('POST', path('policing-body-response'), body('suffolk'), {
        response: 'The Commissioner welcomes the report (illustrative)',
        chiefOfficerComments: 'The Chief Constable accepts the recommendation (illustrative)',
        occurredAt: t('2020-12-01'),
      }),
    );
    expect((await send('GET', `/recommendations/${recommendationId}`, auditor)).body!.policingBodyResponse).toMatchObject({
      chiefOfficerComments: 'The Chief Constable accepts the recommendation (illustrative)',
      deadline: '2020-09-14',
      late: true,
    });

    created(await send('POST', path('evidence'), chief('suffolk'), { reference: 'JASP 2021/06 (illustrative)', description: 'Benefits report', occurredAt: t('2021-06-01') }));
    refused(await send('POST', path('closure-proposals'), chief('suffolk'), { note: 'done', occurredAt: t('2021-05-01') }), 422, 'ActPrecedesWhatItActsOn');
    created(await send('POST', path('closure-proposals'), chief('suffolk'), { note: 'done', occurredAt: t('2021-06-02') }));
    refused(await send('POST', path('closure-acceptances'), body('suffolk'), { note: 'ok', occurredAt: t('2021-06-01') }), 422, 'ActPrecedesWhatItActsOn');
    refused(await send('POST', path('closure-rejections'), body('suffolk'), { reason: 'r', occurredAt: t('2021-06-01') }), 422, 'ActPrecedesWhatItActsOn');

    await projectionsCaughtUp(api);
    const tracker = (await send('GET', '/recommendations-tracker?force=suffolk', auditor)).body!;
    expect(tracker.items).toEqual([
      expect.objectContaining({ recommendationId, addresseeKind: 'force', reportPublishedOn: '2020-07-21', responseDeadline: '2020-09-14', responseLate: true, responseOverdue: false }),
    ]);
  });

  it('addresses recommendations to national bodies, recorded by a registrar and by no force’s officers', async () => {
    const toNpcc = {
      source: 'inspection-report',
      reference: 'PEEL spotlight report: The Hard Yards (HMICFRS, 21 July 2020)',
      kind: 'recommendation',
      text: 'The NPCC, College of Policing and Home Office should identify a benefits-tracking methodology.',
      addressedTo: 'npcc',
      owner: { personId: 'npcc-lead', name: 'NPCC lead (illustrative)' },
      dueDate: '2021-03-31',
      reportPublishedOn: '2020-07-21',
      occurredAt: t('2020-07-21'),
    };
    refused(await send('POST', '/recommendations', chief('suffolk'), toNpcc), 403, 'NationalBodiesRecordedByRegistrar');
    expect(refused(await send('POST', '/recommendations', registrar, { ...toNpcc, occurredAt: t('2014-06-01'), reportPublishedOn: '2014-06-01' }), 422, 'AddresseeNotYetInExistence')).toMatchObject({ from: '2015-04-01' });
    expect(await send('POST', '/recommendations', registrar, { ...toNpcc, addressedTo: 'interpol' })).toMatchObject({ status: 400, body: { code: 'ValidationFailed' } });
    const { recommendationId } = created(await send('POST', '/recommendations', registrar, toNpcc));
    // A national body has no local policing body: no s55 deadline.
    expect((await send('GET', `/recommendations/${recommendationId}`, auditor)).body).toMatchObject({ addressedTo: 'npcc', addresseeKind: 'national-body', responseDeadline: null });
    created(await send('POST', `/recommendations/${recommendationId}/progress`, registrar, { note: 'Methodology published (illustrative)', occurredAt: t('2021-01-15') }));
    refused(await send('POST', `/recommendations/${recommendationId}/progress`, chief('essex'), { note: 'n' }), 403, 'NationalBodiesRecordedByRegistrar');
    refused(await send('POST', `/recommendations/${recommendationId}/policing-body-response`, body('essex'), { response: 'r' }), 403, 'NationalBodiesRecordedByRegistrar');

    // A registrar records nothing for a force's own recommendation.
    const { recommendationId: forceOwn } = created(
      await send('POST', '/recommendations', chief('kent'), { ...toNpcc, addressedTo: 'kent', reportPublishedOn: undefined, collaborationId }),
    );
    refused(await send('POST', `/recommendations/${forceOwn}/progress`, registrar, { note: 'n' }), 403, 'RegistrarsKeepOnlyReferenceData');
  });
});
