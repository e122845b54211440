import { OccurredAtDto } from '../../http.js';

/** When you approved it (default now). */
export class ApproveDecisionRequest extends OccurredAtDto {}
