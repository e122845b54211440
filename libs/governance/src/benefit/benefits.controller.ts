import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { Action, ProviderLookup, Target } from '#identity';
import { type CommandContext, isUuid, newId } from '#shared-kernel';
import { CommandRoute, type CommandScope, Scope } from '../command-route.js';
import { type CommandOutcome, loadState, runCommand } from '../decider.js';
import { collaborationFacts, leadForceOfCollaborationInBody } from '../decision/decision.handler.js';
import { readAsAt } from '../history.js';
import { OccurredAtDto, created, occurredAtOr, versionFromIfMatch } from '../http.js';
import type { BenefitFacts } from './benefit.commands.js';
import { type BenefitCommand, benefitDecider } from './benefit.decider.js';
import { benefitStreamId } from './benefit.events.js';
import { currentValue } from './benefit.state.js';
import { BenefitMeasurementRequest, BusinessAsUsualRequest, CloseBenefitRequest, FindingsRequest, IdentifyBenefitRequest, ReviseBenefitTargetRequest } from './benefit.requests.js';

export class BenefitCommandMessage extends Command<CommandOutcome> {
  constructor(
    readonly command: BenefitCommand,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(BenefitCommandMessage)
export class BenefitCommandHandler implements ICommandHandler<BenefitCommandMessage> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, context, expectedVersion }: BenefitCommandMessage): Promise<CommandOutcome> {
    const facts: BenefitFacts = command.kind === 'IdentifyBenefit' ? { collaboration: await collaborationFacts(this.store, command.collaborationId, command.occurredAt) } : {};
    return runCommand(this.store, benefitDecider, { streamId: benefitStreamId(command.benefitId), command, context, facts, expectedVersion });
  }
}

/** Access targets: the benefit's lead force, as the collaboration manager's or the approving chief officer's force. */
async function benefitLeadForce(request: FastifyRequest, lookup: ProviderLookup): Promise<string | undefined> {
  const { benefitId } = request.params as { benefitId?: string };
  if (!isUuid(benefitId)) return undefined;
  return (await loadState(lookup<EventStore>(EVENT_STORE), benefitDecider, benefitStreamId(benefitId))).state.profile?.leadForce;
}
const managedByLeadForce = async (request: FastifyRequest, lookup: ProviderLookup): Promise<Target> => ({ leadForce: await benefitLeadForce(request, lookup) });
const approvedByLeadForce = async (request: FastifyRequest, lookup: ProviderLookup): Promise<Target> => ({ force: await benefitLeadForce(request, lookup) });

const manager = (name: string): Action => ({ name, kind: 'collaboration-work', roles: ['collaboration-manager'] });
const IDENTIFY = manager('identify-benefit');
const MEASURE = manager('record-benefit-measurement');
const REVISE = manager('revise-benefit-target');
const HAND_OVER = manager('hand-benefit-to-business-as-usual');
const REVIEW = manager('record-post-implementation-review');
const CLOSE = manager('close-benefit');
const APPROVE: Action = { name: 'approve-benefit-profile', kind: 'force-act', roles: ['chief-officer'] };

@ApiTags('benefits')
@Controller('benefits')
export class BenefitsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @CommandRoute('', 'Identify a benefit: category, measure, baseline, target, owner and each force’s share', IDENTIFY, leadForceOfCollaborationInBody)
  async identify(@Body() body: IdentifyBenefitRequest, @Scope() scope: CommandScope) {
    const benefitId = newId();
    const { occurredAt, owner, sharePerForce, ...profile } = body;
    const command = {
      kind: 'IdentifyBenefit' as const,
      benefitId,
      ...profile,
      owner: { personId: owner.personId, name: owner.name },
      sharePerForce: sharePerForce.map((s) => ({ party: s.party, percent: s.percent })),
      occurredAt: occurredAtOr(occurredAt, scope.context.receivedAt),
    };
    return { benefitId, ...(await this.run(command, scope)) };
  }

  @CommandRoute(':benefitId/profile-approval', 'Approve the benefit profile (the lead force’s chief officer)', APPROVE, approvedByLeadForce)
  approve(@Body() body: OccurredAtDto, @Scope() scope: CommandScope) {
    return this.run({ kind: 'ApproveBenefitProfile', benefitId: scope.params.benefitId!, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) }, scope);
  }

  @CommandRoute(':benefitId/measurements', 'Record the measurement for a month; a second figure for the same month needs a correctionReason and keeps the first', MEASURE, managedByLeadForce)
  measure(@Body() body: BenefitMeasurementRequest, @Scope() scope: CommandScope) {
    const { occurredAt, ...measurement } = body;
    return this.run({ kind: 'RecordBenefitMeasurement', benefitId: scope.params.benefitId!, ...measurement, occurredAt: occurredAtOr(occurredAt, scope.context.receivedAt) }, scope);
  }

  @CommandRoute(':benefitId/target-revisions', 'Revise the target; the original stays visible', REVISE, managedByLeadForce)
  revise(@Body() body: ReviseBenefitTargetRequest, @Scope() scope: CommandScope) {
    const { occurredAt, ...revision } = body;
    return this.run({ kind: 'ReviseBenefitTarget', benefitId: scope.params.benefitId!, ...revision, occurredAt: occurredAtOr(occurredAt, scope.context.receivedAt) }, scope);
  }

  @CommandRoute(':benefitId/business-as-usual', 'Hand the benefit to business as usual', HAND_OVER, managedByLeadForce)
  handOver(@Body() body: BusinessAsUsualRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'HandBenefitToBusinessAsUsual' as const,
      benefitId: scope.params.benefitId!,
      owner: { personId: body.owner.personId, name: body.owner.name },
      note: body.note,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return this.run(command, scope);
  }

  @CommandRoute(':benefitId/post-implementation-reviews', 'Record a post-implementation review', REVIEW, managedByLeadForce)
  review(@Body() body: FindingsRequest, @Scope() scope: CommandScope) {
    return this.run({ kind: 'RecordPostImplementationReview', benefitId: scope.params.benefitId!, findings: body.findings, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) }, scope);
  }

  @CommandRoute(':benefitId/closure', 'Close the benefit: realised, partly realised or not realised', CLOSE, managedByLeadForce)
  close(@Body() body: CloseBenefitRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'CloseBenefit' as const, benefitId: scope.params.benefitId!, outcome: body.outcome, note: body.note, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return this.run(command, scope);
  }

  @Get(':benefitId')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A benefit against plan: original and current target, every measurement and correction, status; as at and as known at any date' })
  @ApiQuery({ name: 'asOf', required: false })
  @ApiQuery({ name: 'knownAt', required: false })
  async benefit(
    @Param('benefitId', new ParseUUIDPipe()) benefitId: string,
    @Query('asOf') asOf: string | undefined,
    @Query('knownAt') knownAt: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const missing = { code: 'BenefitNotFound', what: `benefit ${benefitId}` };
    const { state, version } = await readAsAt(this.store, benefitDecider, { streamId: benefitStreamId(benefitId), asOf, knownAt, reply, missing });
    const latest = state.measurements.at(-1);
    const { profile, ...rest } = state;
    return { benefitId, version, ...profile, ...rest, latestValue: latest ? currentValue(latest) : null };
  }

  private async run(command: BenefitCommand, scope: CommandScope) {
    const outcome = await this.commands.execute(new BenefitCommandMessage(command, scope.context, versionFromIfMatch(scope.ifMatch)));
    return created(scope.reply, outcome, `/benefits/${command.benefitId}`);
  }
}
