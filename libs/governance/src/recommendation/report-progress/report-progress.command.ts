import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { refuseIfActPrecedes } from '../../acts-on.js';
import { type DecisionContext, personOf } from '../../decider.js';
import type { RecommendationEvent } from '../recommendation.events.js';
import { type RecommendationState, refuseUnlessRecommendationOpen } from '../recommendation.state.js';

export const REPORT_PROGRESS: Action = { name: 'report-recommendation-progress', kind: 'force-act', roles: ['collaboration-manager', 'chief-officer', 'registrar'] };

/** A progress note on the recommendation. */
export interface ReportProgress {
  kind: 'ReportProgress';
  recommendationId: string;
  note: string;
  occurredAt: Date;
}

export function reportProgress(state: RecommendationState, command: ReportProgress, context: DecisionContext<unknown>): RecommendationEvent[] | LedgerError {
  const closed = refuseUnlessRecommendationOpen(state, command.recommendationId) ?? refuseIfActPrecedes('the progress report', command.occurredAt, 'the recommendation', state.raisedAt);
  if (closed) return closed;
  return [{ type: 'ProgressReported', data: { note: command.note, by: personOf(context) }, occurredAt: command.occurredAt }];
}
