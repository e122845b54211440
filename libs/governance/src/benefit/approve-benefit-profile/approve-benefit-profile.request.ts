import { OccurredAtDto } from '../../http.js';

/** When the profile was approved (default now). */
export class ApproveBenefitProfileRequest extends OccurredAtDto {}
