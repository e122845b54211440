import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, refuse } from '../decider.js';
import type { Person } from '../office/office.events.js';
import type { RecommendationEvent, RecommendationKind, RecommendationSource } from './recommendation.events.js';
import { type RecommendationState, refuseUnlessRecommendationOpen } from './recommendation.state.js';

type Ctx = DecisionContext<unknown>;
const me = (context: Ctx): Person => ({ personId: context.principal.personId, name: context.principal.name });
type Base<K extends string> = { kind: K; recommendationId: string; occurredAt: Date };

export type RaiseRecommendation = Base<'RaiseRecommendation'> & {
  source: RecommendationSource;
  reference: string;
  recommendationKind: RecommendationKind;
  text: string;
  addressedTo: string;
  collaborationId?: string;
  owner: Person;
  dueDate: string;
};
export type PlanAction = Base<'PlanAction'> & { action: string; owner: Person; dueDate: string };
export type ReportProgress = Base<'ReportProgress'> & { note: string };
export type ReviseDueDate = Base<'ReviseDueDate'> & { dueDate: string; reason: string };
export type SubmitEvidence = Base<'SubmitEvidence'> & { reference: string; description: string };
export type ProposeClosure = Base<'ProposeClosure'> & { note: string };
export type AcceptClosure = Base<'AcceptClosure'> & { note: string };
export type RejectClosure = Base<'RejectClosure'> & { reason: string };
export type PublishPolicingBodyResponse = Base<'PublishPolicingBodyResponse'> & { response: string };

export type RecommendationCommand =
  | RaiseRecommendation
  | PlanAction
  | ReportProgress
  | ReviseDueDate
  | SubmitEvidence
  | ProposeClosure
  | AcceptClosure
  | RejectClosure
  | PublishPolicingBodyResponse;

export function decideRecommendation(state: RecommendationState, command: RecommendationCommand, context: Ctx): RecommendationEvent[] | LedgerError {
  const on = { occurredAt: command.occurredAt };
  if (command.kind === 'RaiseRecommendation') {
    if (state.status !== 'none') return refuse('RecommendationAlreadyRaised', `recommendation ${command.recommendationId} already exists`);
    const { recommendationId, source, reference, recommendationKind, text, addressedTo, collaborationId, owner, dueDate } = command;
    return [
      {
        type: 'RecommendationRaised',
        data: { recommendationId, source, reference, kind: recommendationKind, text, addressedTo, collaborationId: collaborationId ?? null, owner, dueDate, raisedBy: me(context) },
        ...on,
      },
    ];
  }
  if (command.kind === 'PublishPolicingBodyResponse') {
    // The PCC's published response to the report can follow closure.
    if (state.status === 'none') return refuseUnlessRecommendationOpen(state, command.recommendationId)!;
    if (state.policingBodyResponse) return refuse('ResponseAlreadyPublished', `the policing body's response was published on ${state.policingBodyResponse.at.slice(0, 10)}`);
    return [{ type: 'PolicingBodyResponsePublished', data: { response: command.response, by: me(context) }, ...on }];
  }
  const closed = refuseUnlessRecommendationOpen(state, command.recommendationId);
  if (closed) return closed;
  switch (command.kind) {
    case 'PlanAction':
      return [{ type: 'ActionPlanned', data: { action: command.action, owner: command.owner, dueDate: command.dueDate }, ...on }];
    case 'ReportProgress':
      return [{ type: 'ProgressReported', data: { note: command.note, by: me(context) }, ...on }];
    case 'ReviseDueDate':
      if (command.dueDate === state.dueDate) return refuse('DueDateUnchanged', `the due date is already ${state.dueDate}`);
      return [{ type: 'DueDateRevised', data: { from: state.dueDate!, to: command.dueDate, reason: command.reason }, ...on }];
    case 'SubmitEvidence':
      return [{ type: 'EvidenceSubmitted', data: { reference: command.reference, description: command.description, by: me(context) }, ...on }];
    case 'ProposeClosure':
      if (state.status === 'closure-proposed') return refuse('ClosureAlreadyProposed', 'closure is already proposed and awaits the scrutiny body');
      if (state.evidence.length === 0) return refuse('NoEvidence', 'submit evidence before proposing closure');
      return [{ type: 'ClosureProposed', data: { note: command.note, by: me(context) }, ...on }];
    case 'AcceptClosure':
    case 'RejectClosure':
      if (state.status !== 'closure-proposed') return refuse('ClosureNotProposed', 'no closure is proposed');
      return command.kind === 'AcceptClosure'
        ? [{ type: 'ClosureAccepted', data: { by: me(context), note: command.note }, ...on }]
        : [{ type: 'ClosureRejected', data: { by: me(context), reason: command.reason }, ...on }];
  }
}
