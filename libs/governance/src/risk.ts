/** The risk categories and the five-step appetite scale (domain.md, Risk appetite). */
export const RISK_CATEGORIES = ['financial', 'operational', 'reputational', 'legal-compliance', 'people', 'information-and-data', 'partnership'] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];
export const RISK_LEVELS = ['averse', 'minimal', 'cautious', 'open', 'eager'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** The decision categories a delegation scheme covers (domain.md, Decision). */
export const DECISION_CATEGORIES = ['operational', 'financial', 'workforce', 'strategic'] as const;
export type DecisionCategory = (typeof DECISION_CATEGORIES)[number];
