import type { DelegationRule } from '../collaboration/collaboration.events.js';
import type { Person } from '../office/office.events.js';
import type { PolicingBodyKind } from '../reference-data/policing-bodies.js';
import type { Approver, ApprovalBasis } from './decision.events.js';

/** The collaboration as it stood on the decision's date, read by the handler. */
export interface CollaborationAsAt {
  status: 'none' | 'proposed' | 'in-force' | 'terminated';
  leadForce: string;
  remainingParties: string[];
  /** The delegation scheme's rule for the decision's category then, if any. */
  rule: DelegationRule | null;
  /**
   * Since when that rule has been in force (the scheme's, or the terms', date), if the collaboration
   * says: recorded with the decision as what judged it. Optional: collaborationAsAt may not give it.
   */
  ruleInForceSince?: string | null;
}

export interface DecisionFacts {
  holderThen?: Person;
  /** The policing body that holder held office in (policing-body office), from their tenure. */
  holderBodyThen?: PolicingBodyKind | null;
  /** The bodies the signatory ever held this office in (policing-body office), from their tenures. */
  signatoryBodies?: PolicingBodyKind[];
  collaboration?: CollaborationAsAt;
}

/** Who must approve under a basis: the lead force's chief officer, or every party's chief officer (and policing body). */
export function approversFor(basis: ApprovalBasis, leadForce: string, parties: string[]): Approver[] {
  if (basis === 'lead-force-alone') return [{ party: leadForce, role: 'chief-officer' }];
  return parties.flatMap((party): Approver[] =>
    basis === 'all-chief-officers' ? [{ party, role: 'chief-officer' }] : [{ party, role: 'chief-officer' }, { party, role: 'policing-body' }],
  );
}
