import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { Action, Target } from '#identity';
import { newId } from '#shared-kernel';
import { CommandRoute, type CommandScope, Scope } from '../command-route.js';

import { readAsAt } from '../history.js';
import { OccurredAtDto, occurredAtOr, signatoryOf } from '../http.js';
import { decisionDecider } from './decision.decider.js';
import { decisionStreamId } from './decision.events.js';
import { executeDecisionCommand, leadForceOfCollaborationInBody, leadForceOfDecision } from './decision.handler.js';
import { EscalateDecisionRequest, ProposeDecisionRequest, ReasonRequest, UrgencyRequest } from './decision.requests.js';

const OFFICERS = ['chief-officer', 'policing-body'] as const;
export const PROPOSE_DECISION: Action = { name: 'propose-decision', kind: 'collaboration-work', roles: ['collaboration-manager'] };
export const ESCALATE_DECISION: Action = { name: 'escalate-decision', kind: 'collaboration-work', roles: ['collaboration-manager'] };
export const APPROVE_DECISION: Action = { name: 'approve-decision', kind: 'force-act', roles: [...OFFICERS] };
export const REJECT_DECISION: Action = { name: 'reject-decision', kind: 'force-act', roles: [...OFFICERS] };
export const TAKE_DECISION_UNDER_URGENCY: Action = { name: 'take-decision-under-urgency', kind: 'force-act', roles: ['chief-officer'] };
export const RATIFY_DECISION: Action = { name: 'ratify-decision', kind: 'force-act', roles: [...OFFICERS] };
export const RESCIND_DECISION: Action = { name: 'rescind-decision', kind: 'force-act', roles: [...OFFICERS] };

/** Approvers act for their own force: the party is the principal's. */
const ownForce = (request: FastifyRequest): Target => ({ force: request.principal?.force });

@ApiTags('decisions')
@Controller('decisions')
export class DecisionsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @CommandRoute('', 'Propose a decision; who must approve follows from the delegation scheme in force on its date', PROPOSE_DECISION, leadForceOfCollaborationInBody)
  async propose(@Body() body: ProposeDecisionRequest, @Scope() scope: CommandScope) {
    const decisionId = newId();
    const { occurredAt, ...proposal } = body;
    const command = { kind: 'ProposeDecision' as const, decisionId, ...proposal, occurredAt: occurredAtOr(occurredAt, scope.context.receivedAt) };
    return { decisionId, ...(await executeDecisionCommand(this.commands, command, scope)) };
  }

  @CommandRoute(':decisionId/approvals', 'Approve the decision for your force; when the last required approval arrives, it is taken', APPROVE_DECISION, ownForce)
  approve(@Body() body: OccurredAtDto, @Scope() scope: CommandScope) {
    return executeDecisionCommand(this.commands, { kind: 'ApproveDecision', ...this.approver(scope), occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) }, scope);
  }

  @CommandRoute(':decisionId/rejections', 'Reject the decision for your force: it is not taken', REJECT_DECISION, ownForce)
  reject(@Body() body: ReasonRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'RejectDecision' as const, ...this.approver(scope), reason: body.reason, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return executeDecisionCommand(this.commands, command, scope);
  }

  @CommandRoute(':decisionId/escalations', 'Escalate to every chief officer, or to their policing bodies too; approvals given stand', ESCALATE_DECISION, leadForceOfDecision)
  escalate(@Body() body: EscalateDecisionRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'EscalateDecision' as const, decisionId: scope.params.decisionId!, to: body.to, reason: body.reason, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return executeDecisionCommand(this.commands, command, scope);
  }

  @CommandRoute(':decisionId/urgency', 'Take the decision now, outside delegation (the lead force’s chief officer): flagged, to be ratified', TAKE_DECISION_UNDER_URGENCY, ownForce)
  urgency(@Body() body: UrgencyRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'TakeDecisionUnderUrgency' as const, ...this.approver(scope), justification: body.justification, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return executeDecisionCommand(this.commands, command, scope);
  }

  @CommandRoute(':decisionId/ratifications', 'Ratify an urgent decision that skipped your approval', RATIFY_DECISION, ownForce)
  ratify(@Body() body: OccurredAtDto, @Scope() scope: CommandScope) {
    return executeDecisionCommand(this.commands, { kind: 'RatifyDecision', ...this.approver(scope), occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) }, scope);
  }

  @CommandRoute(':decisionId/rescission', 'Refuse to ratify an urgent decision that skipped your approval: it is rescinded', RESCIND_DECISION, ownForce)
  rescind(@Body() body: ReasonRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'RescindDecision' as const, ...this.approver(scope), reason: body.reason, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return executeDecisionCommand(this.commands, command, scope);
  }

  @Get(':decisionId')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A decision: approvals required and given, escalations, urgency, ratification, time to decide; as at and as known at any date' })
  @ApiQuery({ name: 'asOf', required: false })
  @ApiQuery({ name: 'knownAt', required: false })
  async decision(
    @Param('decisionId', new ParseUUIDPipe()) decisionId: string,
    @Query('asOf') asOf: string | undefined,
    @Query('knownAt') knownAt: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const missing = { code: 'DecisionNotFound', what: `decision ${decisionId}` };
    const { state, version } = await readAsAt(this.store, decisionDecider, { streamId: decisionStreamId(decisionId), asOf, knownAt, reply, missing });
    const daysToDecide = state.decidedAt && state.proposedAt ? (Date.parse(state.decidedAt) - Date.parse(state.proposedAt)) / 86_400_000 : null;
    const { proposal, ...rest } = state;
    return { decisionId, version, ...proposal, ...rest, daysToDecide };
  }

  private approver(scope: CommandScope) {
    return { decisionId: scope.params.decisionId!, party: scope.context.principal.force!, ...signatoryOf(scope.context) };
  }
}
