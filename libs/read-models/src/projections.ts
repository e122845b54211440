import { benefitsProjection } from './benefits-against-plan/benefits-against-plan.projection.js';
import { decisionLogProjection } from './decision-log/decision-log.projection.js';
import { officeHoldersProjection } from './office-holders/office-holders.projection.js';
import type { AnyProjection } from './projection.js';
import { recommendationsProjection } from './recommendations-tracker/recommendations-tracker.projection.js';
import { registerProjection } from './register/register.projection.js';
import { riskAppetiteProjection } from './risk-appetite/risk-appetite.projection.js';
import { signatureMatrixProjection } from './signature-matrix/signature-matrix.projection.js';

/** Every projected read model: one folder each (entity, projection, queries, route). */
export const PROJECTIONS: readonly AnyProjection[] = [
  registerProjection,
  signatureMatrixProjection,
  officeHoldersProjection,
  decisionLogProjection,
  benefitsProjection,
  recommendationsProjection,
  riskAppetiteProjection,
];
