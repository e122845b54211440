import { type CommandContext, type Principal, newId } from '#shared-kernel';
import { benefitAggregate } from '../benefit/benefit.aggregate.js';
import type { BenefitCommand } from '../benefit/benefit.decider.js';
import { collaborationAggregate } from '../collaboration/collaboration.aggregate.js';
import type { CollaborationCommand } from '../collaboration/collaboration.decider.js';
import { decisionAggregate } from '../decision/decision.aggregate.js';
import type { DecisionCommand } from '../decision/decision.decider.js';
import type { LedgerCommands } from '../ledger-commands.js';
import { officeAggregate } from '../office/office.aggregate.js';
import type { Office } from '../office/office.events.js';
import { recommendationAggregate } from '../recommendation/recommendation.aggregate.js';
import type { RecommendationCommand } from '../recommendation/recommendation.decider.js';
import { forceByCode } from '../reference-data/forces.js';

/**
 * Demo history: the collaborations HMICFRS studied in "The Hard Yards" and those named in the
 * forces' responses, entered through the same commands and rules as real use. Parties, dates and
 * outcomes follow the public record where it is public; office holders, exact dates, money,
 * delegation limits and terms are illustrative, and every such name says so.
 */
const at = (date: string) => new Date(`${date}T09:00:00Z`);
const registrar: Principal = { personId: 'demo-registrar', name: 'National registrar (demo)', role: 'registrar' };
const chief = (force: string): Principal => ({ personId: `demo-cc-${force}`, name: `Chief Constable of ${forceByCode(force)!.name} (illustrative)`, role: 'chief-officer', force });
const body = (force: string): Principal => ({ personId: `demo-pb-${force}`, name: `${forceByCode(force)!.policingBody} (illustrative holder)`, role: 'policing-body', force });
const manager = (force: string): Principal => ({ personId: `demo-cm-${force}`, name: `Collaboration manager, ${forceByCode(force)!.name} (illustrative)`, role: 'collaboration-manager', force });
const person = (p: Principal) => ({ personId: p.personId, name: p.name });

export class DemoHistory {
  private readonly receivedAt = new Date();

  constructor(private readonly commands: LedgerCommands) {}

  private context(principal: Principal): CommandContext {
    return { principal, correlationId: 'demo-data', receivedAt: this.receivedAt };
  }

  private collaboration(by: Principal, command: CollaborationCommand) {
    return this.commands.execute(collaborationAggregate, { command, context: this.context(by) });
  }

  private async officeHolders(forces: string[], from: string) {
    for (const force of forces) {
      for (const holder of [chief(force), body(force)]) {
        const office = holder.role as Office;
        await this.commands
          .execute(officeAggregate, {
            command: { kind: 'AppointOfficeHolder', forceCode: force, office, holder: person(holder), basis: 'substantive', occurredAt: at(from) },
            context: this.context(registrar),
          })
          .catch((error: { code?: string }) => {
            if (error.code !== 'OfficeAlreadyHeld') throw error; // shared by several collaborations
          });
      }
    }
  }

  private async agreement(spec: { name: string; purpose: string; functions: string[]; parties: string[]; lead: string; proposed: string; signed: string; noticeMonths?: number }) {
    const collaborationId = newId();
    await this.collaboration(manager(spec.lead), {
      kind: 'ProposeCollaboration',
      collaborationId,
      name: spec.name,
      purpose: spec.purpose,
      functions: spec.functions,
      parties: spec.parties,
      leadForce: spec.lead,
      costSharing: 'Illustrative: in proportion to each force’s net revenue expenditure',
      noticePeriodMonths: spec.noticeMonths ?? 12,
      reviewDate: `${Number(spec.signed.slice(0, 4)) + 3}-04-01`,
      occurredAt: at(spec.proposed),
    });
    for (const party of spec.parties) {
      for (const signer of [chief(party), body(party)]) {
        await this.collaboration(signer, {
          kind: 'SignAgreement',
          collaborationId,
          party,
          role: signer.role as Office,
          signatory: person(signer),
          occurredAt: at(spec.signed),
        });
      }
    }
    return collaborationId;
  }

  async load(): Promise<void> {
    await this.officeHolders(
      ['bedfordshire', 'cambridgeshire', 'essex', 'hertfordshire', 'kent', 'norfolk', 'suffolk', 'dyfed-powys', 'gwent', 'north-wales', 'south-wales', 'avon-and-somerset', 'gloucestershire', 'wiltshire', 'merseyside', 'greater-manchester', 'cheshire', 'cumbria', 'lancashire', 'leicestershire', 'lincolnshire', 'northamptonshire', 'nottinghamshire', 'devon-and-cornwall', 'dorset', 'west-mercia', 'warwickshire'],
      '2008-01-01',
    );

    // Seven Force Strategic Alliance (from 2015).
    const sevenForces = ['bedfordshire', 'cambridgeshire', 'essex', 'hertfordshire', 'kent', 'norfolk', 'suffolk'];
    const sevenForce = await this.agreement({ name: 'Seven Force Strategic Alliance', purpose: 'Work together across the eastern region to protect the public at lower cost (illustrative wording)', functions: ['procurement', 'ICT', 'specialist capabilities'], parties: sevenForces, lead: 'essex', proposed: '2015-01-12', signed: '2015-03-02' });
    await this.collaboration(manager('essex'), { kind: 'AdoptDelegationScheme', collaborationId: sevenForce, rules: [{ category: 'financial', leadForceAloneUpToGbp: 250_000, aboveLimit: 'all-chief-officers' }, { category: 'strategic', leadForceAloneUpToGbp: 0, aboveLimit: 'all-chief-officers-and-policing-bodies' }], occurredAt: at('2015-04-01') });
    await this.collaboration(manager('essex'), { kind: 'SetAnnualBudget', collaborationId: sevenForce, financialYear: '2016/17', totalGbp: 7_000_000, contributions: sevenForces.map((party) => ({ party, amountGbp: 1_000_000 })), occurredAt: at('2016-03-15') });
    await this.collaboration(manager('essex'), { kind: 'PublishAgreement', collaborationId: sevenForce, level: 'redacted', reason: 'Illustrative: commercial schedules withheld', occurredAt: at('2015-04-01') });
    const decisionId = newId();
    const decide = (by: Principal, command: DecisionCommand) => this.commands.execute(decisionAggregate, { command, context: this.context(by) });
    await decide(manager('essex'), { kind: 'ProposeDecision', decisionId, collaborationId: sevenForce, title: 'Joint procurement framework for vehicles (illustrative)', category: 'financial', valueGbp: 1_800_000, rationale: 'One framework instead of seven', optionsConsidered: ['seven contracts', 'one regional framework'], occurredAt: at('2016-05-03') });
    for (const force of sevenForces) await decide(chief(force), { kind: 'ApproveDecision', decisionId, party: force, role: 'chief-officer', signatory: person(chief(force)), occurredAt: at(force === 'kent' ? '2016-07-19' : '2016-05-24') });

    // All Wales collaboration.
    const wales = await this.agreement({ name: 'All Wales collaboration', purpose: 'Services delivered once for the four Welsh forces where that serves the public better (illustrative wording)', functions: ['procurement', 'specialist operations'], parties: ['dyfed-powys', 'gwent', 'north-wales', 'south-wales'], lead: 'south-wales', proposed: '2013-01-07', signed: '2013-02-01' });
    await this.collaboration(manager('south-wales'), { kind: 'PublishAgreement', collaborationId: wales, level: 'full', occurredAt: at('2013-03-01') });

    // South West Tri-force (from 2012; Avon and Somerset gave notice in April 2018; dogs back to local control in April 2019).
    const triForce = await this.agreement({ name: 'South West Tri-force Specialist Operations', purpose: 'Major crime investigation, firearms, dogs and roads policing delivered once for three forces', functions: ['major crime investigation', 'firearms', 'dogs', 'roads policing'], parties: ['avon-and-somerset', 'gloucestershire', 'wiltshire'], lead: 'gloucestershire', proposed: '2012-01-09', signed: '2012-03-01' });
    await this.collaboration(chief('avon-and-somerset'), { kind: 'GiveWithdrawalNotice', collaborationId: triForce, party: 'avon-and-somerset', role: 'chief-officer', reason: 'Specialist operations to return to local control', effectiveOn: '2019-04-03', occurredAt: at('2018-04-03') });
    await this.collaboration(chief('avon-and-somerset'), { kind: 'RecordPartyWithdrawal', collaborationId: triForce, party: 'avon-and-somerset', occurredAt: at('2019-04-03') });
    const variationId = newId();
    await this.collaboration(manager('gloucestershire'), { kind: 'ProposeVariation', collaborationId: triForce, variationId, summary: 'Police dogs return to local control', changes: 'Dogs removed from the functions in scope', occurredAt: at('2019-04-04') });
    for (const force of ['gloucestershire', 'wiltshire']) for (const signer of [chief(force), body(force)]) await this.collaboration(signer, { kind: 'SignVariation', collaborationId: triForce, variationId, party: force, role: signer.role as Office, signatory: person(signer), occurredAt: at('2019-04-10') });

    // North West Regional Underwater Search and Marine Unit (since 1978; current agreement illustrative).
    await this.agreement({ name: 'North West Regional Underwater Search and Marine Unit', purpose: 'Underwater search and marine policing for six forces (operating since 1978)', functions: ['underwater search', 'marine policing'], parties: ['merseyside', 'greater-manchester', 'cheshire', 'cumbria', 'lancashire', 'north-wales'], lead: 'merseyside', proposed: '2012-09-03', signed: '2012-11-01' });

    // North West Motorway Police Group (from June 2008; Lancashire withdrew in 2018).
    const motorway = await this.agreement({ name: 'North West Motorway Police Group', purpose: 'Motorway policing across force boundaries', functions: ['roads policing'], parties: ['cheshire', 'greater-manchester', 'lancashire', 'merseyside'], lead: 'cheshire', proposed: '2008-06-02', signed: '2008-06-30' });
    await this.collaboration(chief('lancashire'), { kind: 'GiveWithdrawalNotice', collaborationId: motorway, party: 'lancashire', role: 'chief-officer', reason: 'Illustrative: motorway policing taken back in house', effectiveOn: '2018-04-01', occurredAt: at('2017-03-31') });
    await this.collaboration(chief('lancashire'), { kind: 'RecordPartyWithdrawal', collaborationId: motorway, party: 'lancashire', occurredAt: at('2018-04-01') });

    // East Midlands Criminal Justice Service.
    await this.agreement({ name: 'East Midlands Criminal Justice Service', purpose: 'One criminal justice service with a single technology platform and management structure for four forces', functions: ['criminal justice'], parties: ['leicestershire', 'lincolnshire', 'northamptonshire', 'nottinghamshire'], lead: 'nottinghamshire', proposed: '2013-10-01', signed: '2014-01-06' });

    // Devon & Cornwall–Dorset Strategic Alliance (from 2015) and its 7 benefits (strategy of October 2014).
    const alliance = await this.agreement({ name: 'Devon and Cornwall and Dorset Strategic Alliance', purpose: 'Reduce cost overheads and improve efficiency across two forces', functions: ['support services', 'operational support'], parties: ['devon-and-cornwall', 'dorset'], lead: 'devon-and-cornwall', proposed: '2014-09-01', signed: '2015-01-05' });
    const benefits: Array<[string, 'economic' | 'efficiency' | 'effectiveness']> = [
      ['Cashable savings from a single support structure', 'economic'],
      ['Non-cashable savings: officer and staff time released', 'efficiency'],
      ['Resilience of specialist capabilities', 'effectiveness'],
      ['Consistency of service to the public across both areas', 'effectiveness'],
      ['Better use of shared technology', 'effectiveness'],
      ['Shared learning and best practice', 'effectiveness'],
      ['Improved staff capability in change', 'effectiveness'],
    ];
    for (const [title, category] of benefits) {
      const benefitId = newId();
      const benefit = (by: Principal, command: BenefitCommand) => this.commands.execute(benefitAggregate, { command, context: this.context(by) });
      await benefit(manager('devon-and-cornwall'), { kind: 'IdentifyBenefit', benefitId, collaborationId: alliance, title: `${title} (measures illustrative)`, category, measure: category === 'economic' ? 'annualised saving' : 'index against baseline', measureKind: category === 'economic' ? 'annualised-run-rate' : 'per-period', unit: category === 'economic' ? 'GBP' : 'index', baseline: 0, target: category === 'economic' ? 12_000_000 : 100, targetDate: '2018-03-31', owner: person(manager('devon-and-cornwall')), sharePerForce: [{ party: 'devon-and-cornwall', percent: 62.5 }, { party: 'dorset', percent: 37.5 }], occurredAt: at('2014-10-15') });
      await benefit(chief('devon-and-cornwall'), { kind: 'ApproveBenefitProfile', benefitId, occurredAt: at('2014-10-31') });
    }
    // The merger proposal: escalated to the policing bodies; the PCC withdrew from it in autumn 2018.
    const mergerId = newId();
    await decide(manager('devon-and-cornwall'), { kind: 'ProposeDecision', decisionId: mergerId, collaborationId: alliance, title: 'Proceed to a merger of the two forces', category: 'strategic', valueGbp: 0, rationale: 'Build on the alliance', optionsConsidered: ['alliance as is', 'merger'], occurredAt: at('2018-06-01') });
    await decide(manager('devon-and-cornwall'), { kind: 'EscalateDecision', decisionId: mergerId, to: 'all-chief-officers-and-policing-bodies', reason: 'A merger needs the policing bodies', occurredAt: at('2018-06-02') });
    await decide(body('devon-and-cornwall'), { kind: 'RejectDecision', decisionId: mergerId, party: 'devon-and-cornwall', role: 'policing-body', signatory: person(body('devon-and-cornwall')), reason: 'Not convinced a merger is in the best interests of the public of Devon and Cornwall', occurredAt: at('2018-10-15') });

    // West Mercia–Warwickshire alliance (from 2011; notice October 2018 effective October 2019; Home Secretary direction).
    const westMercia = await this.agreement({ name: 'West Mercia and Warwickshire Strategic Alliance', purpose: 'One set of support and operational services for two forces', functions: ['support services', 'operational services'], parties: ['west-mercia', 'warwickshire'], lead: 'west-mercia', proposed: '2011-06-01', signed: '2011-07-01' });
    await this.collaboration(chief('west-mercia'), { kind: 'GiveWithdrawalNotice', collaborationId: westMercia, party: 'west-mercia', role: 'chief-officer', reason: 'Notice to end the alliance', effectiveOn: '2019-10-08', occurredAt: at('2018-10-08') });
    await this.collaboration(manager('west-mercia'), { kind: 'RecordDirection', collaborationId: westMercia, reference: 'Home Secretary direction under s23FA (illustrative reference)', direction: 'Specified functions continue to be provided after the termination date (illustrative)', continueUntil: '2020-03-31', occurredAt: at('2019-09-30') });
    await this.collaboration(chief('west-mercia'), { kind: 'RecordPartyWithdrawal', collaborationId: westMercia, party: 'west-mercia', occurredAt: at('2019-10-08') });

    // The Hard Yards recommendation, as Nottinghamshire tracks it (overseen by the deputy chief constable).
    const recommendationId = newId();
    const recommend = (by: Principal, command: RecommendationCommand) => this.commands.execute(recommendationAggregate, { command, context: this.context(by) });
    await recommend(chief('nottinghamshire'), { kind: 'RaiseRecommendation', recommendationId, source: 'inspection-report', reference: 'PEEL spotlight report: The Hard Yards – Police to police collaboration (HMICFRS, 21 July 2020)', recommendationKind: 'recommendation', text: 'Forces that have not yet implemented an effective system to track the benefits of their collaborations should use the methodology the NPCC, College of Policing and Home Office identify.', addressedTo: 'nottinghamshire', owner: { personId: 'demo-dcc-nottinghamshire', name: 'Deputy Chief Constable of Nottinghamshire (illustrative)' }, dueDate: '2020-09-15', occurredAt: at('2020-07-21') });
    await recommend(body('nottinghamshire'), { kind: 'PublishPolicingBodyResponse', recommendationId, response: 'The Force will continue to use its 4ACTION database for tracking and responding to HMICFRS recommendations, overseen by the Deputy Chief Constable, with regular reports to the Joint Audit and Scrutiny Panel.', occurredAt: at('2020-12-01') });
    await recommend(chief('nottinghamshire'), { kind: 'ReviseDueDate', recommendationId, dueDate: '2021-03-31', reason: 'Awaiting the national methodology (illustrative)', occurredAt: at('2020-09-10') });
  }
}
