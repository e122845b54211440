import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Body, Controller, HttpCode, Inject, Logger, Module, Param, Post } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, type EventStore, InMemoryEventStore, START } from '#event-store';
import { type Action, Authorise, CommandContextOf, authorise, DEFAULT_AUDIENCE, IdentityModule, LocalIssuer } from '#identity';
import { type CommandContext, type Principal, actorMetadata } from '#shared-kernel';
import { ProblemDetailsFilter } from '../../apps/ledger-api/src/problem-details.filter.js';

/**
 * The access guard end to end, over real HTTP with real tokens, on fixture routes that append a
 * real event for each kind of action (the governance commands that use these rules come with their
 * own issues and are tested there). A refusal must answer 401/403/429 and append nothing.
 */
const sign: Action = { name: 'sign-agreement', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };
const appoint: Action = { name: 'appoint-office-holder', kind: 'reference-data', roles: ['registrar'] };
const recordBenefit: Action = { name: 'record-benefit-measurement', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@Controller('fixture')
class FixtureController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  private async record(type: string, streamId: string, context: CommandContext) {
    await this.store.append({
      streamId,
      expectedVersion: 'any',
      events: [{ eventId: randomUUID(), type, data: {}, metadata: actorMetadata(context), occurredAt: context.receivedAt }],
    });
  }

  @Post('forces/:force/signatures')
  @HttpCode(201)
  @Authorise(sign)
  async sign(@Param('force') force: string, @CommandContextOf() context: CommandContext) {
    authorise(context.principal, sign, { force }); // the target, as the command runner judges it
    await this.record('AgreementSigned', `fixture-${force}`, context);
  }

  @Post('register/office-holders')
  @HttpCode(201)
  @Authorise(appoint)
  async appoint(@Body() _body: unknown, @CommandContextOf() context: CommandContext) {
    await this.record('OfficeHolderAppointed', 'fixture-register', context);
  }

  @Post('collaborations/led-by/:lead/benefits')
  @HttpCode(201)
  @Authorise(recordBenefit)
  async measure(@Param('lead') lead: string, @CommandContextOf() context: CommandContext) {
    authorise(context.principal, recordBenefit, { leadForce: lead });
    await this.record('BenefitMeasured', `fixture-led-by-${lead}`, context);
  }

  @Post('undeclared')
  @HttpCode(201)
  async undeclared(@CommandContextOf() context: CommandContext) {
    await this.record('SomethingHappened', 'fixture-undeclared', context);
  }
}

describe('the access guard over HTTP', () => {
  let app: NestFastifyApplication;
  let url: string;
  let issuer: LocalIssuer;
  let dataDir: string;
  const store = new InMemoryEventStore();

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ledger-guard-'));
    await chmod(dataDir, 0o755);
    @Module({
      imports: [IdentityModule.forRoot({ audience: DEFAULT_AUDIENCE, dataDir }, { perPrincipalPerMinute: 5, perIpPerMinute: 1000 })],
      controllers: [FixtureController],
      providers: [{ provide: EVENT_STORE, useValue: store }, { provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    })
    class FixtureModule {}
    app = await NestFactory.create<NestFastifyApplication>(FixtureModule, new FastifyAdapter(), { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = await app.getUrl();
    issuer = await LocalIssuer.openOrCreate(dataDir);
  });
  afterAll(async () => {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const who = (role: Principal['role'], force?: string): Principal => ({
    personId: `${role}-${force ?? 'none'}-${randomUUID()}`,
    name: `${role} of ${force ?? 'nowhere'}`,
    role,
    ...(force ? { force } : {}),
  });
  const post = async (path: string, principal: Principal, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await issuer.mint(principal)}`, 'content-type': 'application/json', ...headers },
      body: '{}',
    });
  const eventCount = async () => (await store.readAll(START, { maxCount: 10_000 })).events.length;

  async function expectRefusedWithNothingWritten(response: Response, status: number, code: string, before: number) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status, code });
    expect(await eventCount()).toBe(before);
  }

  describe('what each role may do', () => {
    it.each([
      ['a chief officer signs for their own force', who('chief-officer', 'kent'), '/fixture/forces/kent/signatures'],
      ['a policing body signs for its own force area', who('policing-body', 'essex'), '/fixture/forces/essex/signatures'],
      ['a registrar keeps the register', who('registrar'), '/fixture/register/office-holders'],
      ['a collaboration manager records benefits of a collaboration its force leads', who('collaboration-manager', 'dorset'), '/fixture/collaborations/led-by/dorset/benefits'],
    ] as Array<[string, Principal, string]>)('%s', async (_case, principal, path) => {
      const before = await eventCount();
      const response = await post(path, principal);
      expect(response.status).toBe(201);
      expect(await eventCount()).toBe(before + 1);
    });
  });

  describe('what each role is refused, writing nothing', () => {
    it.each([
      ['a chief officer of Kent signing for Essex', who('chief-officer', 'kent'), '/fixture/forces/essex/signatures', 'ActsOnlyForOwnForce'],
      ['a policing body signing for another force area', who('policing-body', 'dorset'), '/fixture/forces/devon-and-cornwall/signatures', 'ActsOnlyForOwnForce'],
      ['an auditor signing', who('auditor'), '/fixture/forces/kent/signatures', 'AuditorsOnlyRead'],
      ['an auditor changing the register', who('auditor'), '/fixture/register/office-holders', 'AuditorsOnlyRead'],
      ['a registrar signing', who('registrar'), '/fixture/forces/kent/signatures', 'RegistrarsKeepOnlyReferenceData'],
      ['a chief officer changing the register', who('chief-officer', 'kent'), '/fixture/register/office-holders', 'OnlyRegistrarsKeepReferenceData'],
      ['a collaboration manager signing', who('collaboration-manager', 'kent'), '/fixture/forces/kent/signatures', 'RoleMayNotTakeAction'],
      ['a collaboration manager of Dorset on a collaboration Devon and Cornwall leads', who('collaboration-manager', 'dorset'), '/fixture/collaborations/led-by/devon-and-cornwall/benefits', 'ManagesOnlyOwnLeadForceCollaborations'],
      ['anyone on a write route that declares no access rule', who('chief-officer', 'kent'), '/fixture/undeclared', 'NoActionDeclared'],
    ] as Array<[string, Principal, string, string]>)('%s', async (_case, principal, path, rule) => {
      const before = await eventCount();
      await expectRefusedWithNothingWritten(await post(path, principal), 403, rule, before);
    });

    it('names the rule and the forces in the problem', async () => {
      const response = await post('/fixture/forces/essex/signatures', who('chief-officer', 'kent'));
      expect(await response.json()).toEqual({
        type: '/problems/acts-only-for-own-force',
        title: 'Forbidden',
        status: 403,
        code: 'ActsOnlyForOwnForce',
        rule: 'ActsOnlyForOwnForce',
        action: 'sign-agreement',
        detail: 'Refused: a chief-officer of kent cannot act for essex. Nothing was written.',
        instance: '/fixture/forces/essex/signatures',
      });
    });

    it('logs each refusal, and records none as a domain event', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn');
      const before = await eventCount();
      await post('/fixture/forces/essex/signatures', who('chief-officer', 'kent'));
      expect(warn).toHaveBeenCalledWith(expect.objectContaining({ msg: 'access refused', rule: 'ActsOnlyForOwnForce', action: 'sign-agreement' }));
      expect(await eventCount()).toBe(before);
      warn.mockRestore();
    });
  });

  it('records who did it, for whom, from where and why in the event metadata', async () => {
    const principal = who('chief-officer', 'gwent');
    const response = await post('/fixture/forces/gwent/signatures', principal, { 'x-correlation-id': 'board-2026-11-23', 'x-causation-id': 'decision-42' });
    expect(response.status).toBe(201);
    const [event] = await store.readStream('fixture-gwent');
    expect(event!.metadata).toEqual({
      actor: { personId: principal.personId, name: principal.name },
      role: 'chief-officer',
      force: 'gwent',
      correlationId: expect.any(String),
      causationId: 'decision-42',
      clientIp: '127.0.0.1',
    });
  });

  it('limits the rate of writes per person with a 429 problem and Retry-After, writing nothing', async () => {
    const principal = who('chief-officer', 'north-wales');
    for (let i = 0; i < 5; i++) expect((await post('/fixture/forces/north-wales/signatures', principal)).status).toBe(201);
    const before = await eventCount();
    const response = await post('/fixture/forces/north-wales/signatures', principal);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    await expectRefusedWithNothingWritten(response, 429, 'TooManyRequests', before);
    // another person from the same address is not held back by the first one's limit
    expect((await post('/fixture/forces/north-wales/signatures', who('chief-officer', 'north-wales'))).status).toBe(201);
  });
});
