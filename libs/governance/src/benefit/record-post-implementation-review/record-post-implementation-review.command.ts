import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { refuseIfActPrecedes } from '../../acts-on.js';
import { type DecisionContext } from '../../decider.js';
import type { BenefitEvent } from '../benefit.events.js';
import { type BenefitState, refuseUnlessTracked } from '../benefit.state.js';

export const RECORD_POST_IMPLEMENTATION_REVIEW: Action = { name: 'record-post-implementation-review', kind: 'collaboration-work', roles: ['collaboration-manager'] };

export interface RecordPostImplementationReview {
  kind: 'RecordPostImplementationReview';
  benefitId: string;
  findings: string;
  occurredAt: Date;
}

export function recordPostImplementationReview(state: BenefitState, command: RecordPostImplementationReview, _context: DecisionContext<unknown>): BenefitEvent[] | LedgerError {
  const refusal = refuseUnlessTracked(state, command.benefitId) ?? refuseIfActPrecedes('the post-implementation review', command.occurredAt, 'the identification of the benefit', state.identifiedAt);
  if (refusal) return refusal;
  return [{ type: 'PostImplementationReviewRecorded', data: { findings: command.findings }, occurredAt: command.occurredAt }];
}
