import { deciderOf } from '../decider.js';
import { ACCEPT_CLOSURE, type AcceptClosure, acceptClosure } from './accept-closure/accept-closure.command.js';
import { PLAN_ACTION, type PlanAction, planAction } from './plan-action/plan-action.command.js';
import { PROPOSE_CLOSURE, type ProposeClosure, proposeClosure } from './propose-closure/propose-closure.command.js';
import { PUBLISH_POLICING_BODY_RESPONSE, type PublishPolicingBodyResponse, publishPolicingBodyResponse } from './publish-policing-body-response/publish-policing-body-response.command.js';
import { RAISE_RECOMMENDATION, type RaiseRecommendation, type RecommendationFacts, raiseRecommendation } from './raise-recommendation/raise-recommendation.command.js';
import type { RecommendationEvent } from './recommendation.events.js';
import { type RecommendationState, evolveRecommendation, initialRecommendationState } from './recommendation.state.js';
import { REJECT_CLOSURE, type RejectClosure, rejectClosure } from './reject-closure/reject-closure.command.js';
import { REPORT_PROGRESS, type ReportProgress, reportProgress } from './report-progress/report-progress.command.js';
import { REVISE_DUE_DATE, type ReviseDueDate, reviseDueDate } from './revise-due-date/revise-due-date.command.js';
import { SUBMIT_EVIDENCE, type SubmitEvidence, submitEvidence } from './submit-evidence/submit-evidence.command.js';

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

/** A recommendation, area for improvement or cause of concern, tracked to closure. */
export const recommendationDecider = deciderOf<RecommendationState, RecommendationCommand, RecommendationEvent, RecommendationFacts>(initialRecommendationState, evolveRecommendation, {
  RaiseRecommendation: { action: RAISE_RECOMMENDATION, decide: raiseRecommendation },
  PlanAction: { action: PLAN_ACTION, decide: planAction },
  ReportProgress: { action: REPORT_PROGRESS, decide: reportProgress },
  ReviseDueDate: { action: REVISE_DUE_DATE, decide: reviseDueDate },
  SubmitEvidence: { action: SUBMIT_EVIDENCE, decide: submitEvidence },
  ProposeClosure: { action: PROPOSE_CLOSURE, decide: proposeClosure },
  AcceptClosure: { action: ACCEPT_CLOSURE, decide: acceptClosure },
  RejectClosure: { action: REJECT_CLOSURE, decide: rejectClosure },
  PublishPolicingBodyResponse: { action: PUBLISH_POLICING_BODY_RESPONSE, decide: publishPolicingBodyResponse },
}, 'recommendation');
