import type { LedgerError } from '#shared-kernel';
import { refuse } from '../decider.js';
import type { DecisionCategory, RiskCategory, RiskLevel } from '../risk.js';

/**
 * The terms of a collaboration agreement: what every party signs when the agreement is made
 * (Police Act 1996 s22A(3): the chief officer and the policing body of each force concerned) and
 * what only a later agreement, signed the same way by every remaining party, can change (s23C(4):
 * "A collaboration agreement may be varied by a subsequent collaboration agreement").
 * A collaboration manager may propose terms and changes to them; none takes effect on their word.
 */

export interface DelegationRule {
  category: DecisionCategory;
  /** The lead force may decide alone up to this value in pounds (0: never alone). */
  leadForceAloneUpToGbp: number;
  /** Above it: every party's chief officer, or their policing bodies too. */
  aboveLimit: 'all-chief-officers' | 'all-chief-officers-and-policing-bodies';
}

export interface AnnualBudget {
  financialYear: string;
  totalGbp: number;
  contributions: Array<{ party: string; amountGbp: number }>;
}

export interface AgreedRiskAppetite {
  appetite: Array<{ category: RiskCategory; level: RiskLevel }>;
  statement: string;
}

/** s23E: what of the agreement the public may see. */
export type PublicationLevel = 'full' | 'redacted' | 'title-only';
export interface Publication {
  level: PublicationLevel;
  reason: string | null;
}

/** s22A(6): parties other than forces and policing bodies, each with its own signatory. */
export const OTHER_PARTY_KINDS = ['local-authority', 'fire-and-rescue-authority', 'other-public-body', 'other'] as const;
export type OtherPartyKind = (typeof OTHER_PARTY_KINDS)[number];
export interface OtherParty {
  /** A short id, unique in the agreement and distinct from every force code (e.g. "devon-somerset-fra"). */
  partyId: string;
  name: string;
  kind: OtherPartyKind;
}

/** The terms a variation can change. Names and parties are not among them: parties leave by withdrawal. */
export interface AgreementTerms {
  functions: string[];
  leadForce: string;
  delegationScheme: DelegationRule[];
  noticePeriodMonths: number;
  costSharing: string;
  annualBudget: AnnualBudget | null;
  riskAppetite: AgreedRiskAppetite | null;
  publication: Publication | null;
  reviewDate: string;
}

export const VARIABLE_TERMS = ['functions', 'leadForce', 'delegationScheme', 'noticePeriodMonths', 'costSharing', 'annualBudget', 'riskAppetite', 'publication', 'reviewDate'] as const;

/**
 * What a variation changes: any of the terms, and (s23C(5)) an end agreed by all the parties,
 * from `endsOn`. A variation that changes nothing is refused.
 */
export type TermsChange = Partial<AgreementTerms> & { endsOn?: string };

export function applyTermsChange<T extends AgreementTerms>(terms: T, change: TermsChange): T {
  const { endsOn: _endsOn, ...changed } = change;
  return { ...terms, ...changed };
}

export const isEmptyChange = (change: TermsChange) => Object.keys(change).length === 0;

/** The rules every set of terms obeys, whether proposed or varied. */
export function refuseInvalidTerms(terms: Partial<AgreementTerms>, remainingParties: readonly string[]): LedgerError | undefined {
  if (terms.leadForce !== undefined && !remainingParties.includes(terms.leadForce)) {
    return refuse('LeadForceNotAParty', `the lead force ${terms.leadForce} must be one of the remaining party forces (${remainingParties.join(', ')})`, { leadForce: terms.leadForce });
  }
  if (terms.delegationScheme) {
    const categories = terms.delegationScheme.map((r) => r.category);
    if (new Set(categories).size !== categories.length) return refuse('CategoryListedTwice', 'each decision category has one rule in a scheme');
  }
  if (terms.annualBudget) {
    const { contributions, totalGbp, financialYear } = terms.annualBudget;
    const [start, end] = financialYear.split('/').map(Number) as [number, number];
    if ((start + 1) % 100 !== end) return refuse('InvalidFinancialYear', `${financialYear} is not a financial year (April to March, e.g. 2016/17)`);
    const strangers = contributions.filter((c) => !remainingParties.includes(c.party)).map((c) => c.party);
    if (strangers.length > 0) return refuse('NotAParty', `only remaining parties contribute to the budget; not ${strangers.join(', ')}`, { parties: strangers });
    const missing = remainingParties.filter((p) => !contributions.some((c) => c.party === p));
    if (missing.length > 0) return refuse('ContributionsIncomplete', `every remaining party's contribution is stated, even if nil; missing: ${missing.join(', ')}`, { parties: missing });
    const sum = contributions.reduce((total, c) => total + c.amountGbp, 0);
    if (Math.abs(sum - totalGbp) > 0.005) {
      return refuse('ContributionsDoNotAddUp', `the contributions add up to £${sum}, not the £${totalGbp} budget for ${financialYear}`, { sum, totalGbp });
    }
  }
  if (terms.publication && terms.publication.level !== 'full' && !terms.publication.reason?.trim()) {
    return refuse('PublicationReasonRequired', `publishing ${terms.publication.level} withholds part of the agreement: s23E publication in less than full needs its reason`);
  }
  if (terms.functions) {
    if (new Set(terms.functions).size !== terms.functions.length) return refuse('FunctionListedTwice', 'each function is listed once');
  }
  return undefined;
}

/** The section an agreement is made under, by the date it is made (docs/domain-rules.md, "Legal basis"). */
export interface LegalBasis {
  section: 's23 (1996 text)' | 's23/s23A (2009 text)' | 's22A';
  citation: string;
}

/** s22A in force from 16 January 2012 (SI 2011/3019); s23/s23A as substituted by the Policing and Crime Act 2009 s5 from 12 March 2010 (SI 2010/507). */
export function legalBasisOn(madeOn: Date): LegalBasis {
  const day = madeOn.toISOString().slice(0, 10);
  if (day >= '2012-01-16') return { section: 's22A', citation: 'Police Act 1996 s22A (inserted by the Police Reform and Social Responsibility Act 2011 s89; in force 16 January 2012, SI 2011/3019)' };
  if (day >= '2010-03-12') return { section: 's23/s23A (2009 text)', citation: 'Police Act 1996 s23/s23A as substituted by the Policing and Crime Act 2009 s5 (in force 12 March 2010, SI 2010/507)' };
  return { section: 's23 (1996 text)', citation: 'Police Act 1996 s23 as originally enacted' };
}
