import { OccurredAtDto } from '../../http.js';

/** When you ratified it (default now). */
export class RatifyDecisionRequest extends OccurredAtDto {}
