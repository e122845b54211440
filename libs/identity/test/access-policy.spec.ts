import { describe, expect, it } from '@jest/globals';
import { type Action, type Target, decideAccess } from '#identity';
import type { Principal, Role } from '#shared-kernel';

const person = (role: Role, force?: string): Principal => ({ personId: `${role}-${force ?? 'none'}`, name: role, role, ...(force ? { force } : {}) });

const read: Action = { name: 'read-register', kind: 'read', roles: [] };
const appointHolder: Action = { name: 'appoint-office-holder', kind: 'reference-data', roles: ['registrar'] };
const sign: Action = { name: 'sign-agreement', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };
const declareAppetite: Action = { name: 'declare-risk-appetite', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };
const propose: Action = { name: 'propose-collaboration', kind: 'collaboration-work', roles: ['collaboration-manager'] };
const recordBenefit: Action = { name: 'record-benefit-measurement', kind: 'collaboration-work', roles: ['collaboration-manager'] };
const raiseRecommendation: Action = { name: 'raise-recommendation', kind: 'force-act', roles: ['collaboration-manager', 'chief-officer', 'policing-body', 'registrar'] };
const readRawRecord: Action = { name: 'read-raw-events', kind: 'audit', roles: ['auditor', 'registrar'] };

type Row = [string, Principal, Action, Target, true | string];

// Given a principal, When it attempts an action on a target, Then it is allowed or refused under a named rule.
const table: Row[] = [
  ['anyone signed in may read', person('auditor'), read, {}, true],
  ['a chief officer may read', person('chief-officer', 'kent'), read, {}, true],
  ['an auditor never writes, even reference data', person('auditor'), appointHolder, {}, 'AuditorsOnlyRead'],
  ['an auditor never signs', person('auditor'), sign, { force: 'kent' }, 'AuditorsOnlyRead'],
  ['a registrar keeps reference data', person('registrar'), appointHolder, {}, true],
  ['a registrar signs nothing', person('registrar'), sign, { force: 'kent' }, 'RegistrarsKeepOnlyReferenceData'],
  ['a chief officer does not keep the register', person('chief-officer', 'kent'), appointHolder, {}, 'OnlyRegistrarsKeepReferenceData'],
  ['a collaboration manager does not keep the register', person('collaboration-manager', 'kent'), appointHolder, {}, 'OnlyRegistrarsKeepReferenceData'],
  ['a chief officer signs for their own force', person('chief-officer', 'kent'), sign, { force: 'kent' }, true],
  ['a chief officer of Kent cannot sign for Essex', person('chief-officer', 'kent'), sign, { force: 'essex' }, 'ActsOnlyForOwnForce'],
  ['a policing body signs for its own force area', person('policing-body', 'dorset'), sign, { force: 'dorset' }, true],
  ['a policing body cannot sign for another force area', person('policing-body', 'dorset'), sign, { force: 'devon-and-cornwall' }, 'ActsOnlyForOwnForce'],
  ['a policing body declares appetite for its own area', person('policing-body', 'gwent'), declareAppetite, { force: 'gwent' }, true],
  ['a chief officer cannot declare appetite for another force', person('chief-officer', 'gwent'), declareAppetite, { force: 'south-wales' }, 'ActsOnlyForOwnForce'],
  ['a collaboration manager does not sign', person('collaboration-manager', 'kent'), sign, { force: 'kent' }, 'RoleMayNotTakeAction'],
  ['a chief officer does not propose collaborations', person('chief-officer', 'kent'), propose, { leadForce: 'kent' }, 'RoleMayNotTakeAction'],
  ['a collaboration manager proposes one its force leads', person('collaboration-manager', 'essex'), propose, { leadForce: 'essex' }, true],
  ['a collaboration manager cannot propose one another force leads', person('collaboration-manager', 'essex'), propose, { leadForce: 'kent' }, 'ManagesOnlyOwnLeadForceCollaborations'],
  ['a collaboration manager records benefits of its own lead force’s collaboration', person('collaboration-manager', 'dorset'), recordBenefit, { leadForce: 'dorset' }, true],
  ['a collaboration manager cannot record benefits of another’s', person('collaboration-manager', 'dorset'), recordBenefit, { leadForce: 'devon-and-cornwall' }, 'ManagesOnlyOwnLeadForceCollaborations'],
  ['a chief officer’s token without a force acts for no one', person('chief-officer'), sign, { force: 'kent' }, 'ActsForNoForce'],
  ['an auditor reads the raw record', person('auditor'), readRawRecord, {}, true],
  ['a registrar reads the raw record', person('registrar'), readRawRecord, {}, true],
  ['a chief officer reads the read models, not the raw record', person('chief-officer', 'kent'), readRawRecord, {}, 'RawRecordForAuditors'],
  ['a collaboration manager does not read the raw record', person('collaboration-manager', 'kent'), readRawRecord, {}, 'RawRecordForAuditors'],
  ['a registrar records a recommendation addressed to a national body', person('registrar'), raiseRecommendation, { nationalBody: 'npcc' }, true],
  ['a registrar does not act on a force’s recommendation', person('registrar'), raiseRecommendation, { force: 'kent' }, 'RegistrarsKeepOnlyReferenceData'],
  ['a chief officer does not act for a national body', person('chief-officer', 'kent'), raiseRecommendation, { nationalBody: 'npcc' }, 'NationalBodiesRecordedByRegistrar'],
  ['a collaboration manager does not act for a national body', person('collaboration-manager', 'kent'), raiseRecommendation, { nationalBody: 'home-office' }, 'NationalBodiesRecordedByRegistrar'],
];

describe('the access policy', () => {
  it.each(table)('%s', (_case, principal, action, target, expected) => {
    const decision = decideAccess(principal, action, target);
    if (expected === true) {
      expect(decision).toEqual({ allowed: true });
    } else {
      expect(decision).toMatchObject({ allowed: false, rule: expected });
      expect((decision as { reason: string }).reason.length).toBeGreaterThan(10);
    }
  });

  it('lets the guard, which knows no target yet, pass a registrar only to actions a registrar may record', () => {
    expect(decideAccess(person('registrar'), raiseRecommendation)).toEqual({ allowed: true });
    expect(decideAccess(person('registrar'), sign)).toMatchObject({ allowed: false, rule: 'RegistrarsKeepOnlyReferenceData' });
  });

  it('names the forces in a cross-force refusal', () => {
    expect(decideAccess(person('chief-officer', 'kent'), sign, { force: 'essex' })).toEqual({
      allowed: false,
      rule: 'ActsOnlyForOwnForce',
      reason: 'a chief-officer of kent cannot act for essex',
    });
  });
});
