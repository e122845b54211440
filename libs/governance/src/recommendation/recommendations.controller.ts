import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { Action, ProviderLookup, Target } from '#identity';
import { type CommandContext, isUuid, newId } from '#shared-kernel';
import { CommandRoute, type CommandScope, Scope } from '../command-route.js';
import { type CommandOutcome, loadState, runCommand } from '../decider.js';
import { readAsAt } from '../history.js';
import { created, occurredAtOr, versionFromIfMatch } from '../http.js';
import type { RecommendationCommand } from './recommendation.commands.js';
import { recommendationDecider } from './recommendation.decider.js';
import { recommendationStreamId } from './recommendation.events.js';
import {
  EvidenceRequest,
  NoteRequest,
  PlanActionRequest,
  RaiseRecommendationRequest,
  RejectClosureRequest,
  ResponseRequest,
  ReviseDueDateRequest,
} from './recommendation.requests.js';

export class RecommendationCommandMessage extends Command<CommandOutcome> {
  constructor(
    readonly command: RecommendationCommand,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(RecommendationCommandMessage)
export class RecommendationCommandHandler implements ICommandHandler<RecommendationCommandMessage> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, context, expectedVersion }: RecommendationCommandMessage): Promise<CommandOutcome> {
    return runCommand(this.store, recommendationDecider, { streamId: recommendationStreamId(command.recommendationId), command, context, facts: undefined, expectedVersion });
  }
}

/** Access target: the force the recommendation is addressed to. */
const addressedForce = async (request: FastifyRequest, lookup: ProviderLookup): Promise<Target> => {
  const { recommendationId } = request.params as { recommendationId?: string };
  if (!isUuid(recommendationId)) return {};
  const { state } = await loadState(lookup<EventStore>(EVENT_STORE), recommendationDecider, recommendationStreamId(recommendationId));
  return { force: state.raised?.addressedTo };
};
const addressedInBody = (request: FastifyRequest): Target => ({ force: (request.body as { addressedTo?: string } | undefined)?.addressedTo });

const owners = (name: string): Action => ({ name, kind: 'force-act', roles: ['collaboration-manager', 'chief-officer'] });
const scrutiny = (name: string): Action => ({ name, kind: 'force-act', roles: ['policing-body'] });
const RAISE: Action = { name: 'raise-recommendation', kind: 'force-act', roles: ['collaboration-manager', 'chief-officer', 'policing-body'] };

@ApiTags('recommendations')
@Controller('recommendations')
export class RecommendationsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @CommandRoute('', 'Record a recommendation, area for improvement or cause of concern addressed to your force', RAISE, addressedInBody)
  async raise(@Body() body: RaiseRecommendationRequest, @Scope() scope: CommandScope) {
    const recommendationId = newId();
    const { occurredAt, kind, owner, ...rest } = body;
    const command = {
      kind: 'RaiseRecommendation' as const,
      recommendationId,
      ...rest,
      recommendationKind: kind,
      owner: { personId: owner.personId, name: owner.name },
      occurredAt: occurredAtOr(occurredAt, scope.context.receivedAt),
    };
    return { recommendationId, ...(await this.run(command, scope)) };
  }

  @CommandRoute(':recommendationId/actions', 'Plan an action', owners('plan-recommendation-action'), addressedForce)
  plan(@Body() body: PlanActionRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'PlanAction' as const, ...this.id(scope), action: body.action, owner: { personId: body.owner.personId, name: body.owner.name }, dueDate: body.dueDate, ...this.when(body, scope) };
    return this.run(command, scope);
  }

  @CommandRoute(':recommendationId/progress', 'Report progress', owners('report-recommendation-progress'), addressedForce)
  progress(@Body() body: NoteRequest, @Scope() scope: CommandScope) {
    return this.run({ kind: 'ReportProgress', ...this.id(scope), note: body.note, ...this.when(body, scope) }, scope);
  }

  @CommandRoute(':recommendationId/due-date-revisions', 'Revise the due date; every slip is kept', owners('revise-recommendation-due-date'), addressedForce)
  revise(@Body() body: ReviseDueDateRequest, @Scope() scope: CommandScope) {
    return this.run({ kind: 'ReviseDueDate', ...this.id(scope), dueDate: body.dueDate, reason: body.reason, ...this.when(body, scope) }, scope);
  }

  @CommandRoute(':recommendationId/evidence', 'Submit evidence', owners('submit-recommendation-evidence'), addressedForce)
  evidence(@Body() body: EvidenceRequest, @Scope() scope: CommandScope) {
    return this.run({ kind: 'SubmitEvidence', ...this.id(scope), reference: body.reference, description: body.description, ...this.when(body, scope) }, scope);
  }

  @CommandRoute(':recommendationId/closure-proposals', 'Propose closure, with evidence submitted', owners('propose-recommendation-closure'), addressedForce)
  proposeClosure(@Body() body: NoteRequest, @Scope() scope: CommandScope) {
    return this.run({ kind: 'ProposeClosure', ...this.id(scope), note: body.note, ...this.when(body, scope) }, scope);
  }

  @CommandRoute(':recommendationId/closure-acceptances', 'Accept the proposed closure (the scrutiny body: the force’s policing body)', scrutiny('accept-recommendation-closure'), addressedForce)
  accept(@Body() body: NoteRequest, @Scope() scope: CommandScope) {
    return this.run({ kind: 'AcceptClosure', ...this.id(scope), note: body.note, ...this.when(body, scope) }, scope);
  }

  @CommandRoute(':recommendationId/closure-rejections', 'Reject the proposed closure, with the reason (the scrutiny body)', scrutiny('reject-recommendation-closure'), addressedForce)
  reject(@Body() body: RejectClosureRequest, @Scope() scope: CommandScope) {
    return this.run({ kind: 'RejectClosure', ...this.id(scope), reason: body.reason, ...this.when(body, scope) }, scope);
  }

  @CommandRoute(':recommendationId/policing-body-response', 'Publish the policing body’s response to the report', scrutiny('publish-policing-body-response'), addressedForce)
  respond(@Body() body: ResponseRequest, @Scope() scope: CommandScope) {
    return this.run({ kind: 'PublishPolicingBodyResponse', ...this.id(scope), response: body.response, ...this.when(body, scope) }, scope);
  }

  @Get(':recommendationId')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A recommendation: actions, progress, every due-date slip, evidence, closure and the published response; as at and as known at any date' })
  @ApiQuery({ name: 'asOf', required: false })
  @ApiQuery({ name: 'knownAt', required: false })
  async recommendation(
    @Param('recommendationId', new ParseUUIDPipe()) recommendationId: string,
    @Query('asOf') asOf: string | undefined,
    @Query('knownAt') knownAt: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const missing = { code: 'RecommendationNotFound', what: `recommendation ${recommendationId}` };
    const streamId = recommendationStreamId(recommendationId);
    const { state, version } = await readAsAt(this.store, recommendationDecider, { streamId, asOf, knownAt, reply, missing });
    const { raised, ...rest } = state;
    return { recommendationId, version, ...raised, ...rest, slips: state.dueDateRevisions.filter((r) => r.slip).length };
  }

  private id(scope: CommandScope) {
    return { recommendationId: scope.params.recommendationId! };
  }

  private when(body: { occurredAt?: string }, scope: CommandScope) {
    return { occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
  }

  private async run(command: RecommendationCommand, scope: CommandScope) {
    const outcome = await this.commands.execute(new RecommendationCommandMessage(command, scope.context, versionFromIfMatch(scope.ifMatch)));
    return created(scope.reply, outcome, `/recommendations/${command.recommendationId}`);
  }
}
