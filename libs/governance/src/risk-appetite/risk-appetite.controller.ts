import { Body, Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { CommandBus, Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { Action, Target } from '#identity';
import type { CommandContext } from '#shared-kernel';
import { CommandRoute, type CommandScope, Scope } from '../command-route.js';
import { type CommandOutcome, loadState, runCommand } from '../decider.js';
import { historyOptions } from '../history.js';
import { OccurredAtDto, created, knownForce, occurredAtOr, versionFromIfMatch } from '../http.js';
import { RISK_CATEGORIES, RISK_LEVELS, type RiskCategory, type RiskLevel } from '../risk.js';
import { type RiskAppetiteCommand, riskAppetiteDecider } from './risk-appetite.decider.js';
import { riskAppetiteStreamId } from './risk-appetite.events.js';

export class DeclareRiskAppetiteRequest extends OccurredAtDto {
  @ApiProperty({ enum: RISK_CATEGORIES, example: 'operational' })
  @IsIn(RISK_CATEGORIES)
  category!: RiskCategory;

  @ApiProperty({ enum: RISK_LEVELS, example: 'cautious' })
  @IsIn(RISK_LEVELS)
  level!: RiskLevel;

  @ApiProperty({ example: 'We accept modest risk to service delivery to release efficiencies' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  statement!: string;
}

export class ReviseRiskAppetiteRequest extends DeclareRiskAppetiteRequest {
  @ApiProperty({ example: 'New chief constable’s strategic direction' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;
}

export class RiskAppetiteCommandMessage extends Command<CommandOutcome> {
  constructor(
    readonly command: RiskAppetiteCommand,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(RiskAppetiteCommandMessage)
export class RiskAppetiteCommandHandler implements ICommandHandler<RiskAppetiteCommandMessage> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, context, expectedVersion }: RiskAppetiteCommandMessage): Promise<CommandOutcome> {
    return runCommand(this.store, riskAppetiteDecider, { streamId: riskAppetiteStreamId(command.forceCode), command, context, facts: undefined, expectedVersion });
  }
}

const DECLARE: Action = { name: 'declare-risk-appetite', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };
const REVISE: Action = { name: 'revise-risk-appetite', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };
const forceInPath = (request: FastifyRequest): Target => ({ force: (request.params as { forceCode?: string }).forceCode });

@ApiTags('risk appetite')
@Controller('forces/:forceCode/risk-appetite')
export class RiskAppetiteController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @CommandRoute('declarations', 'Declare your force’s appetite in a category: chief officers for the operational remit, policing bodies for the strategic', DECLARE, forceInPath)
  declare(@Body() body: DeclareRiskAppetiteRequest, @Scope() scope: CommandScope) {
    const { occurredAt, ...rest } = body;
    return this.run({ kind: 'DeclareRiskAppetite', forceCode: knownForce(scope.params.forceCode!), ...rest, occurredAt: occurredAtOr(occurredAt, scope.context.receivedAt) }, scope);
  }

  @CommandRoute('revisions', 'Revise your force’s declared appetite in a category, with the reason', REVISE, forceInPath)
  revise(@Body() body: ReviseRiskAppetiteRequest, @Scope() scope: CommandScope) {
    const { occurredAt, ...rest } = body;
    return this.run({ kind: 'ReviseRiskAppetite', forceCode: knownForce(scope.params.forceCode!), ...rest, occurredAt: occurredAtOr(occurredAt, scope.context.receivedAt) }, scope);
  }

  @Get()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A force’s declared risk appetite per remit and category, with every revision; as at and as known at any date' })
  @ApiQuery({ name: 'asOf', required: false })
  @ApiQuery({ name: 'knownAt', required: false })
  async appetite(
    @Param('forceCode') forceCode: string,
    @Query('asOf') asOf: string | undefined,
    @Query('knownAt') knownAt: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { state, version } = await loadState(this.store, riskAppetiteDecider, riskAppetiteStreamId(knownForce(forceCode)), historyOptions(asOf, knownAt));
    void reply.header('etag', `"${version}"`);
    return { forceCode, version, entries: state.entries };
  }

  private async run(command: RiskAppetiteCommand, scope: CommandScope) {
    const outcome = await this.commands.execute(new RiskAppetiteCommandMessage(command, scope.context, versionFromIfMatch(scope.ifMatch)));
    return created(scope.reply, outcome, `/forces/${command.forceCode}/risk-appetite`);
  }
}
