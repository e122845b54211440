import type { EventStore } from '#event-store';
import { type CommandContext, type Principal, newId } from '#shared-kernel';
import { collaborationAggregate } from '../collaboration/collaboration.aggregate.js';
import type { CollaborationCommand } from '../collaboration/collaboration.decider.js';
import { benefitAggregate } from '../benefit/benefit.aggregate.js';
import type { BenefitCommand } from '../benefit/benefit.decider.js';
import { endOfPeriod } from '../benefit/benefit.state.js';
import { decisionAggregate } from '../decision/decision.aggregate.js';
import type { DecisionCommand } from '../decision/decision.decider.js';
import type { LedgerCommands } from '../ledger-commands.js';
import { demoEntry } from './demo-data.js';
import { forceByCode } from '../reference-data/forces.js';
import { riskAppetiteAggregate } from '../risk-appetite/risk-appetite.aggregate.js';
import type { RiskAppetiteCommand } from '../risk-appetite/risk-appetite.decider.js';

/**
 * What the demo adds to the public record so that every page has something to show and a newcomer
 * who signs in finds something awaiting them; all of it illustrative. Figures for two of the
 * Devon and Cornwall–Dorset alliance's benefits; both forces' risk appetites (declared in 2015, one
 * revised in 2017); and business left open, dated in the last
 * few weeks: a proposed Devon, Cornwall and Dorset drone unit awaiting signatures, a decision of
 * the alliance escalated to the chief officers and policing bodies awaiting their approval, and a
 * variation of the Seven Force Strategic Alliance awaiting signatures. Loaded after the demo
 * history (DemoHistory), by the same commands and rules; the same office holders act.
 */
const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);
const at = (date: string) => new Date(`${date}T09:00:00Z`);
const body = (force: string): Principal => ({ personId: `demo-pb-${force}`, name: `${forceByCode(force)!.policingBody} (illustrative holder)`, role: 'policing-body', force });
const chief = (force: string): Principal => ({ personId: `demo-cc-${force}`, name: `Chief Constable of ${forceByCode(force)!.name} (illustrative holder)`, role: 'chief-officer', force });
const manager = (force: string): Principal => ({ personId: `demo-cm-${force}`, name: `Collaboration manager, ${forceByCode(force)!.name} (illustrative)`, role: 'collaboration-manager', force });
const person = (p: Principal) => ({ personId: p.personId, name: p.name });

export class DemoOpenBusiness {
  private readonly receivedAt = new Date();

  constructor(
    private readonly commands: LedgerCommands,
    private readonly store: Pick<EventStore, 'readByType'>,
  ) {}

  private context(principal: Principal): CommandContext {
    return { principal, correlationId: 'demo-data', receivedAt: this.receivedAt, provenance: { illustrative: true }, entry: demoEntry({ illustrative: true }) };
  }

  private collaboration(by: Principal, command: CollaborationCommand) {
    return this.commands.execute(collaborationAggregate, { command, context: this.context(by) });
  }

  private decision(by: Principal, command: DecisionCommand) {
    return this.commands.execute(decisionAggregate, { command, context: this.context(by) });
  }

  private appetite(by: Principal, command: RiskAppetiteCommand) {
    return this.commands.execute(riskAppetiteAggregate, { command, context: this.context(by) });
  }

  private benefit(by: Principal, command: BenefitCommand) {
    return this.commands.execute(benefitAggregate, { command, context: this.context(by) });
  }

  /** The id of a demo collaboration, by its name. */
  private async collaborationNamed(name: string): Promise<string> {
    const proposed = await this.store.readByType(['CollaborationProposed']);
    const found = proposed.find((e) => (e.data as { name?: string }).name === name);
    if (!found) throw new Error(`the demo history has no collaboration named ${name}`);
    return found.streamId.replace(/^collaboration-/, '');
  }

  async load(): Promise<void> {
    await this.figures();
    await this.openBusiness();
  }

  /** Benefit figures and risk appetites for the Devon and Cornwall–Dorset alliance. */
  private async figures(): Promise<void> {
    const alliance = await this.collaborationNamed('Devon and Cornwall and Dorset Strategic Alliance');
    const benefits = (await this.store.readByType(['BenefitIdentified'])).filter((e) => (e.data as { collaborationId?: string }).collaborationId === alliance);
    const benefitId = (category: string) => benefits.find((e) => (e.data as { category?: string }).category === category)!.streamId.replace(/^benefit-/, '');
    const figures: Array<[string, Array<[string, number]>]> = [
      ['economic', [['2015-06', 2_100_000], ['2016-03', 5_400_000], ['2016-12', 8_200_000], ['2017-09', 10_100_000], ['2018-03', 11_300_000]]],
      ['efficiency', [['2015-06', 20], ['2016-06', 45], ['2017-06', 70], ['2018-03', 85]]],
    ];
    for (const [category, periods] of figures) {
      for (const [period, value] of periods) {
        await this.benefit(manager('devon-and-cornwall'), { kind: 'RecordBenefitMeasurement', benefitId: benefitId(category), period, value, evidence: `Alliance finance report for ${period} (illustrative)`, occurredAt: at(endOfPeriod(period).toISOString().slice(0, 10)) });
      }
    }
    const declared: Array<[Principal, 'financial' | 'operational' | 'reputational' | 'partnership', 'averse' | 'minimal' | 'cautious' | 'open' | 'eager']> = [
      [chief('devon-and-cornwall'), 'financial', 'cautious'],
      [chief('devon-and-cornwall'), 'operational', 'open'],
      [chief('devon-and-cornwall'), 'partnership', 'open'],
      [chief('dorset'), 'financial', 'cautious'],
      [chief('dorset'), 'operational', 'cautious'],
      [chief('dorset'), 'partnership', 'eager'],
      [body('devon-and-cornwall'), 'reputational', 'minimal'],
      [body('devon-and-cornwall'), 'partnership', 'cautious'],
      [body('dorset'), 'reputational', 'cautious'],
      [body('dorset'), 'partnership', 'open'],
    ];
    for (const [by, category, level] of declared) {
      await this.appetite(by, { kind: 'DeclareRiskAppetite', forceCode: by.force!, category, level, statement: `The ${category} appetite of ${forceByCode(by.force!)!.name} (illustrative)`, occurredAt: at('2015-02-02') });
    }
    await this.appetite(chief('dorset'), { kind: 'ReviseRiskAppetite', forceCode: 'dorset', category: 'financial', level: 'minimal', statement: 'Financial appetite lowered after the budget settlement (illustrative)', reason: 'Budget settlement (illustrative)', occurredAt: at('2017-02-06') });
    await this.appetite(body('devon-and-cornwall'), { kind: 'ReviseRiskAppetite', forceCode: 'devon-and-cornwall', category: 'partnership', level: 'averse', statement: 'Partnership appetite lowered while the merger was considered (illustrative)', reason: 'Merger proposal (illustrative)', occurredAt: at('2018-09-03') });
  }

  /** Business left open, dated in the last few weeks. */
  private async openBusiness(): Promise<void> {
    const now = this.receivedAt;
    // A new agreement awaiting signatures: Devon and Cornwall's chief constable has signed; Dorset's and both policing bodies have not.
    const droneUnit = newId();
    await this.collaboration(manager('dorset'), {
      kind: 'ProposeCollaboration',
      collaborationId: droneUnit,
      name: 'Devon, Cornwall and Dorset Drone Unit (illustrative, awaiting signatures)',
      purpose: 'One drone unit serving both force areas, for searches, major incidents and roads policing (illustrative)',
      functions: ['drones', 'search'],
      parties: ['dorset', 'devon-and-cornwall'],
      leadForce: 'dorset',
      costSharing: 'Illustrative: 60% Devon and Cornwall, 40% Dorset',
      noticePeriodMonths: 12,
      reviewDate: `${now.getUTCFullYear() + 2}-04-01`,
      otherParties: [],
      delegationScheme: [{ category: 'operational', leadForceAloneUpToGbp: 50_000, aboveLimit: 'all-chief-officers' }],
      annualBudget: null,
      riskAppetite: null,
      publication: { level: 'full', reason: null },
      occurredAt: daysAgo(now, 14),
    });
    await this.collaboration(chief('devon-and-cornwall'), {
      kind: 'SignAgreement',
      collaborationId: droneUnit,
      party: 'devon-and-cornwall',
      role: 'chief-officer',
      signatory: person(chief('devon-and-cornwall')),
      occurredAt: daysAgo(now, 9),
    });

    // A decision of the alliance escalated to every chief officer and policing body: Devon and Cornwall's chief constable has approved.
    const alliance = await this.collaborationNamed('Devon and Cornwall and Dorset Strategic Alliance');
    const decisionId = newId();
    await this.decision(manager('devon-and-cornwall'), {
      kind: 'ProposeDecision',
      decisionId,
      collaborationId: alliance,
      title: 'Shared firearms training range at Middlemoor (illustrative)',
      category: 'financial',
      valueGbp: 2_400_000,
      rationale: 'One range for both forces instead of two ageing ones (illustrative)',
      optionsConsidered: ['refurbish both ranges', 'one shared range', 'buy in training'],
      occurredAt: daysAgo(now, 12),
    });
    await this.decision(manager('devon-and-cornwall'), {
      kind: 'EscalateDecision',
      decisionId,
      to: 'all-chief-officers-and-policing-bodies',
      reason: 'A capital commitment of this size needs both policing bodies (illustrative)',
      occurredAt: daysAgo(now, 11),
    });
    await this.decision(chief('devon-and-cornwall'), {
      kind: 'ApproveDecision',
      decisionId,
      party: 'devon-and-cornwall',
      role: 'chief-officer',
      signatory: person(chief('devon-and-cornwall')),
      occurredAt: daysAgo(now, 6),
    });

    // A variation of the Seven Force Strategic Alliance awaiting signatures: Essex's chief constable has signed.
    const sevenForce = await this.collaborationNamed('Seven Force Strategic Alliance');
    const variationId = newId();
    await this.collaboration(manager('essex'), {
      kind: 'ProposeVariation',
      collaborationId: sevenForce,
      variationId,
      summary: 'Add digital forensics to the functions in scope (illustrative)',
      changes: 'Digital forensics joins procurement, ICT and specialist capabilities (illustrative)',
      terms: { functions: ['procurement', 'ICT', 'specialist capabilities', 'digital forensics'] },
      occurredAt: daysAgo(now, 20),
    });
    await this.collaboration(chief('essex'), {
      kind: 'SignVariation',
      collaborationId: sevenForce,
      variationId,
      party: 'essex',
      role: 'chief-officer',
      signatory: person(chief('essex')),
      occurredAt: daysAgo(now, 18),
    });
  }
}
