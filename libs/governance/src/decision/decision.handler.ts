import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { FastifyRequest } from 'fastify';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { ProviderLookup, Target } from '#identity';
import { type CommandContext, isUuid } from '#shared-kernel';
import { collaborationDecider } from '../collaboration/collaboration.decider.js';
import { collaborationStreamId } from '../collaboration/collaboration.events.js';
import { remainingParties } from '../collaboration/collaboration.state.js';
import type { CommandScope } from '../command-route.js';
import { type CommandOutcome, loadState, runCommand } from '../decider.js';
import { created, versionFromIfMatch } from '../http.js';
import { officeDecider } from '../office/office.decider.js';
import { officeStreamId } from '../office/office.events.js';
import { holderAt } from '../office/office.state.js';
import type { DecisionCategory } from '../risk.js';
import { type DecisionCommand, decisionDecider } from './decision.decider.js';
import { decisionStreamId } from './decision.events.js';
import type { CollaborationFacts, DecisionFacts } from './decision.facts.js';

export class DecisionCommandMessage extends Command<CommandOutcome> {
  constructor(
    readonly command: DecisionCommand,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

/** The collaboration as it stood at a date: status, lead force, remaining parties, the delegation rule for a category. */
export async function collaborationFacts(store: EventStore, collaborationId: string, at: Date, category?: DecisionCategory): Promise<CollaborationFacts> {
  const { state } = await loadState(store, collaborationDecider, collaborationStreamId(collaborationId), { occurredUntil: at });
  return {
    status: state.status,
    leadForce: state.terms?.leadForce ?? '',
    remainingParties: remainingParties(state),
    rule: state.delegationScheme?.find((r) => r.category === category) ?? null,
  };
}

@CommandHandler(DecisionCommandMessage)
export class DecisionCommandHandler implements ICommandHandler<DecisionCommandMessage> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, context, expectedVersion }: DecisionCommandMessage): Promise<CommandOutcome> {
    const facts: DecisionFacts = {};
    if (command.kind === 'ProposeDecision') {
      facts.collaboration = await collaborationFacts(this.store, command.collaborationId, command.occurredAt, command.category);
    } else if (command.kind === 'EscalateDecision') {
      const decision = await loadState(this.store, decisionDecider, decisionStreamId(command.decisionId));
      if (decision.state.proposal) facts.collaboration = await collaborationFacts(this.store, decision.state.proposal.collaborationId, command.occurredAt);
    } else {
      const office = await loadState(this.store, officeDecider, officeStreamId(command.party, command.role));
      facts.holderThen = holderAt(office.state, command.occurredAt)?.holder;
    }
    return runCommand(this.store, decisionDecider, { streamId: decisionStreamId(command.decisionId), command, context, facts, expectedVersion });
  }
}

export async function executeDecisionCommand(commands: CommandBus, command: DecisionCommand, scope: CommandScope) {
  const outcome = await commands.execute(new DecisionCommandMessage(command, scope.context, versionFromIfMatch(scope.ifMatch)));
  return created(scope.reply, outcome, `/decisions/${command.decisionId}`);
}

/** Access target: the lead force of the collaboration named in the body. */
export const leadForceOfCollaborationInBody = async (request: FastifyRequest, lookup: ProviderLookup): Promise<Target> => {
  const collaborationId = (request.body as { collaborationId?: unknown } | undefined)?.collaborationId;
  if (!isUuid(collaborationId)) return {};
  const facts = await collaborationFacts(lookup<EventStore>(EVENT_STORE), collaborationId, new Date());
  return facts.status === 'none' ? {} : { leadForce: facts.leadForce };
};

/** Access target: the lead force of the decision in the path. */
export const leadForceOfDecision = async (request: FastifyRequest, lookup: ProviderLookup): Promise<Target> => {
  const { decisionId } = request.params as { decisionId?: string };
  if (!isUuid(decisionId)) return {};
  const { state } = await loadState(lookup<EventStore>(EVENT_STORE), decisionDecider, decisionStreamId(decisionId));
  return state.proposal ? { leadForce: state.proposal.leadForce } : {};
};
