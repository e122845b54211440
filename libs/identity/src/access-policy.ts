import { LedgerError, type Principal, type Role } from '#shared-kernel';

/**
 * Who may do what, for which force: one pure function, unit-tested as a table. The guard asks it
 * before any command runs; nothing else decides access.
 */
export type ActionKind =
  /** Reads: any signed-in role. */
  | 'read'
  /** The audit record (every stored field of the log, proofs, the read-access log): the roles named, auditors (and registrars for the raw record). */
  | 'audit'
  /** The national register: forces, policing bodies, office holders. Registrars only. */
  | 'reference-data'
  /** An act for one force (sign, approve, declare appetite, give notice): that force's own officers. */
  | 'force-act'
  /** Work on a collaboration (propose, record benefits…): its lead force's manager, or its parties' officers. */
  | 'collaboration-work';

export interface Action {
  /** A stable name for logs and problems, e.g. "sign-agreement". */
  name: string;
  kind: ActionKind;
  /** The roles that may take this action at all (reads ignore it). */
  roles: readonly Role[];
}

/** What the action is done to, resolved from the request before the policy is asked. */
export interface Target {
  /** The force the act is done for (e.g. the party force of a signature). */
  force?: string;
  /** The lead force of the collaboration concerned. */
  leadForce?: string;
  /**
   * The national body the act is recorded for (a recommendation addressed to the NPCC, the College
   * of Policing, the Home Office or the APCC): no force's officers act for it; a registrar records it.
   */
  nationalBody?: string;
}

export type AccessRule =
  | 'AuditorsOnlyRead'
  | 'OnlyRegistrarsKeepReferenceData'
  | 'RegistrarsKeepOnlyReferenceData'
  | 'RoleMayNotTakeAction'
  | 'ActsOnlyForOwnForce'
  | 'ManagesOnlyOwnLeadForceCollaborations'
  | 'ActsForNoForce'
  | 'RawRecordForAuditors'
  | 'NationalBodiesRecordedByRegistrar';

export type AccessDecision = { allowed: true } | { allowed: false; rule: AccessRule; reason: string };

const allow: AccessDecision = { allowed: true };
const refuse = (rule: AccessRule, reason: string): AccessDecision => ({ allowed: false, rule, reason });

/**
 * Judged twice: by the guard with the role alone (no target yet), then by the command runner with
 * the target as the record gives it.
 */
export function decideAccess(principal: Principal, action: Action, target?: Target): AccessDecision {
  if (action.kind === 'read') return allow;
  if (action.kind === 'audit') {
    return action.roles.includes(principal.role)
      ? allow
      : refuse('RawRecordForAuditors', `the audit record (${action.name}) is read by ${action.roles.join(' and ')}s; a ${principal.role} reads the ledger through the read models`);
  }
  if (principal.role === 'auditor') return refuse('AuditorsOnlyRead', `auditors read everything and change nothing; ${action.name} is a change`);
  if (action.kind === 'reference-data') {
    return principal.role === 'registrar'
      ? allow
      : refuse('OnlyRegistrarsKeepReferenceData', `only a registrar keeps the national register; ${action.name} changes it`);
  }
  if (principal.role === 'registrar') {
    // A registrar records the acts of national bodies, where the action allows it; nothing for a force.
    if (action.roles.includes('registrar') && (target === undefined || target.nationalBody !== undefined)) return allow;
    return refuse('RegistrarsKeepOnlyReferenceData', `a registrar keeps reference data and records national bodies' acts only; ${action.name} here is a force's governance act`);
  }
  if (!action.roles.includes(principal.role)) {
    return refuse('RoleMayNotTakeAction', `a ${principal.role} may not ${action.name}; it is for: ${action.roles.join(', ')}`);
  }
  if (!principal.force) return refuse('ActsForNoForce', `a ${principal.role} must act for a force, and this token names none`);
  if (target?.nationalBody !== undefined) {
    return refuse('NationalBodiesRecordedByRegistrar', `${action.name} for ${target.nationalBody}, a national body, is recorded by a registrar; a ${principal.role} of ${principal.force} does not act for it`);
  }

  target = target ?? {};
  if (principal.role === 'collaboration-manager') {
    if (target.leadForce !== undefined && target.leadForce !== principal.force) {
      return refuse(
        'ManagesOnlyOwnLeadForceCollaborations',
        `a collaboration manager of ${principal.force} manages only collaborations led by ${principal.force}; this one is led by ${target.leadForce}`,
      );
    }
    if (action.kind === 'force-act' && target.force !== undefined && target.force !== principal.force) {
      return refuse('ActsOnlyForOwnForce', `a ${principal.role} of ${principal.force} cannot act for ${target.force}`);
    }
    return allow;
  }

  // chief officers and policing bodies act for their own force (area) only
  if (target.force !== undefined && target.force !== principal.force) {
    return refuse('ActsOnlyForOwnForce', `a ${principal.role} of ${principal.force} cannot act for ${target.force}`);
  }
  return allow;
}

/** Asks the policy and throws its refusal as a 403 problem (code: the rule); nothing runs after it. */
export function authorise(principal: Principal, action: Action, target?: Target): void {
  const decision = decideAccess(principal, action, target);
  if (!decision.allowed) {
    throw new LedgerError(decision.rule, 'forbidden', `Refused: ${decision.reason}. Nothing was written.`, { rule: decision.rule, action: action.name });
  }
}
