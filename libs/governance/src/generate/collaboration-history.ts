import type { Principal } from '#shared-kernel';
import { benefitAggregate } from '../benefit/benefit.aggregate.js';
import type { BenefitCommand } from '../benefit/benefit.decider.js';
import { type BenefitCategory, type BenefitOutcome, MEASURE_KINDS, benefitStreamId } from '../benefit/benefit.events.js';
import { type BenefitState, endOfPeriod, initialBenefitState } from '../benefit/benefit.state.js';
import { collaborationAggregate, collaborationAsAtOf } from '../collaboration/collaboration.aggregate.js';
import type { CollaborationCommand } from '../collaboration/collaboration.decider.js';
import { collaborationStreamId } from '../collaboration/collaboration.events.js';
import { type CollaborationState, initialCollaborationState, outstandingNotice, remainingParties } from '../collaboration/collaboration.state.js';
import { addMonths } from '../collaboration/give-withdrawal-notice/give-withdrawal-notice.command.js';
import type { AgreedRiskAppetite, AnnualBudget, DelegationRule, Publication, TermsChange } from '../collaboration/terms.js';
import { decisionAggregate } from '../decision/decision.aggregate.js';
import type { DecisionCommand } from '../decision/decision.decider.js';
import { decisionStreamId } from '../decision/decision.events.js';
import { type DecisionState, initialDecisionState, outstandingApprovals } from '../decision/decision.state.js';
import type { Office, Person } from '../office/office.events.js';
import { recommendationAggregate } from '../recommendation/recommendation.aggregate.js';
import type { RecommendationCommand } from '../recommendation/recommendation.decider.js';
import { recommendationStreamId } from '../recommendation/recommendation.events.js';
import { type RecommendationState, initialRecommendationState } from '../recommendation/recommendation.state.js';
import { FORCES, forceByCode } from '../reference-data/forces.js';
import { DECISION_CATEGORIES, type DecisionCategory, RISK_CATEGORIES, RISK_LEVELS } from '../risk.js';
import type { InMemoryDecisions } from './in-memory-decisions.js';
import { DAY_MS, type PlannedSignatures, dayOf, generatedPerson, generatedRegistrar, holderOn, officer } from './offices.js';
import { Prng } from './prng.js';

const FUNCTIONS = [
  'Major crime investigation',
  'Serious and organised crime',
  'Firearms',
  'Police dogs',
  'Roads policing',
  'Forensic services',
  'ICT',
  'Procurement',
  'Professional standards',
  'Underwater search and marine',
  'Training',
  'Custody',
  'Criminal justice',
  'Counter terrorism support',
  'Legal services',
  'HR transactional services',
  'Fleet',
  'Occupational health',
  'Public order',
  'Intelligence',
];
const OFFICES: readonly Office[] = ['chief-officer', 'policing-body'];

/** A collaboration's core as planned before anything runs: parties, lead, proposal and signatures. */
export interface CollaborationPlan extends PlannedSignatures {
  index: number;
  leadForce: string;
  functions: string[];
}

/** Plans collaboration `index` (its own random stream): a lead force, 2–7 parties mostly of its region, and when each signs. */
export function planCollaboration(seed: number, index: number, start: Date, end: Date): CollaborationPlan {
  const prng = Prng.of(seed, 'collaboration-plan', index);
  const lead = prng.pick(FORCES);
  const size = prng.chance(0.4) ? 2 : prng.chance(0.5) ? 3 : prng.chance(0.5) ? 4 : prng.int(5, 7);
  const region = FORCES.filter((f) => f.region === lead.region && f.code !== lead.code).map((f) => f.code);
  const elsewhere = FORCES.filter((f) => f.region !== lead.region).map((f) => f.code);
  const others = new Set<string>();
  while (others.size < size - 1) others.add(prng.chance(0.75) && [...region].some((r) => !others.has(r)) ? prng.pick(region) : prng.pick(elsewhere));
  const parties = [lead.code, ...others];
  const span = end.getTime() - start.getTime();
  const proposedAt = new Date(start.getTime() + 20 * DAY_MS + Math.floor(prng.next() * Math.max(DAY_MS, span - 60 * DAY_MS) / DAY_MS) * DAY_MS + (9 * 60 + prng.int(0, 59)) * 60_000);
  const signAt = new Map<string, Date>();
  for (const party of parties) {
    for (const office of OFFICES) signAt.set(`${party}/${office}`, new Date(proposedAt.getTime() + prng.int(2, 80) * DAY_MS + prng.int(60, 7 * 60) * 60_000));
  }
  const functions = prng.sample(FUNCTIONS, prng.int(1, 3));
  const collaborationId = prng.uuid();
  return { index, collaborationId, name: `Generated collaboration ${index + 1}: ${functions[0]}`, parties, leadForce: lead.code, functions, proposedAt, signAt };
}

/** Things to do at instants, run in date order (then in the order they were put in). */
class Agenda {
  private items: Array<{ at: number; seq: number; run: () => void }> = [];
  private seq = 0;
  constructor(private readonly end: number) {}

  at(when: Date | number, run: () => void): void {
    const at = typeof when === 'number' ? when : when.getTime();
    if (at > this.end) return;
    this.items.push({ at, seq: this.seq++, run });
  }

  runAll(): void {
    while (this.items.length > 0) {
      let best = 0;
      for (let i = 1; i < this.items.length; i++) {
        const a = this.items[i]!;
        const b = this.items[best]!;
        if (a.at < b.at || (a.at === b.at && a.seq < b.seq)) best = i;
      }
      const [item] = this.items.splice(best, 1);
      item!.run();
    }
  }
}

export interface HistoryContext {
  seed: number;
  decisions: InMemoryDecisions;
  start: Date;
  end: Date;
}

const round = (value: number, to: number) => Math.round(value / to) * to;
const financialYearOf = (at: Date) => {
  const y = at.getUTCFullYear() - (at.getUTCMonth() < 3 ? 1 : 0);
  return `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
};
const periodOf = (at: Date) => at.toISOString().slice(0, 7);
const nextPeriod = (period: string) => periodOf(endOfPeriod(period));

/**
 * One collaboration's history and everything that belongs to it (decisions, benefits,
 * recommendations), run in date order through the deciders: proposed by the lead force's manager,
 * signed by the office holders of the day of every party, then variations (a budget for each
 * financial year, delegation, appetite, publication, lead force, an agreed end), decisions under
 * the delegation scheme, benefits measured monthly, recommendations, reviews, withdrawals.
 * Returns the streams it wrote.
 */
export function runCollaborationHistory(ctx: HistoryContext, plan: CollaborationPlan): string[] {
  const { seed, decisions, end } = ctx;
  const prng = Prng.of(seed, 'collaboration', plan.index);
  const agenda = new Agenda(end.getTime());
  const id = plan.collaborationId;
  const collaborationStream = collaborationStreamId(id);
  const streams = [collaborationStream];
  const state = () => decisions.stateOf<CollaborationState>(collaborationStream, initialCollaborationState);
  const lead = () => state().terms!.leadForce;
  const inForce = () => state().status === 'in-force';
  const forceIndex = (code: string) => FORCES.findIndex((f) => f.code === code);
  const period3 = (at: Date) => Math.floor((at.getTime() - ctx.start.getTime()) / (3 * 365 * DAY_MS));
  /** The force's collaboration manager in that three-year period (fictitious). */
  const manager = (force: string, at: Date): Principal => ({ ...generatedPerson(seed, 100_000 + forceIndex(force) * 100 + period3(at)), role: 'collaboration-manager', force });
  /** One of five staff of the force in that period: benefit and recommendation owners. */
  const staff = (force: string, at: Date): Person => generatedPerson(seed, 200_000 + forceIndex(force) * 1000 + period3(at) * 10 + prng.int(0, 4));
  const minutes = (from: number, to: number) => prng.int(from, to) * 60_000;
  const later = (at: Date | number, minDays: number, maxDays: number) => new Date(new Date(at).getTime() + prng.int(minDays, maxDays) * DAY_MS + minutes(0, 59));

  const collaboration = (command: CollaborationCommand, by: Principal) => {
    const facts = command.kind === 'SignAgreement' || command.kind === 'SignVariation' ? { holderThen: holderOn(decisions, command.party, command.role, command.occurredAt) } : {};
    return decisions.run(collaborationAggregate, command, by, facts);
  };
  const decision = (command: DecisionCommand, by: Principal) => {
    const held = decisions.stateOf<DecisionState>(decisionStreamId(command.decisionId), initialDecisionState);
    const facts =
      command.kind === 'ProposeDecision'
        ? { collaboration: collaborationAsAtOf(state(), command.category) }
        : command.kind === 'EscalateDecision'
          ? held.proposal
            ? { collaboration: collaborationAsAtOf(state()) }
            : {}
          : { holderThen: holderOn(decisions, command.party, command.role, command.occurredAt) };
    return decisions.run(decisionAggregate, command, by, facts);
  };
  const benefit = (command: BenefitCommand, by: Principal) => decisions.run(benefitAggregate, command, by, command.kind === 'IdentifyBenefit' ? { collaboration: collaborationAsAtOf(state()) } : {});
  const recommendation = (command: RecommendationCommand, by: Principal) =>
    decisions.run(recommendationAggregate, command, by, command.kind === 'RaiseRecommendation' && command.collaborationId !== undefined ? { collaboration: collaborationAsAtOf(state()) } : {});

  // ---- terms
  const scheme = (): DelegationRule[] =>
    DECISION_CATEGORIES.filter(() => prng.chance(0.9)).map((category) => ({
      category,
      leadForceAloneUpToGbp: prng.pick([0, 10_000, 25_000, 50_000, 100_000, 250_000]),
      aboveLimit: category === 'financial' || category === 'strategic' || prng.chance(0.2) ? 'all-chief-officers-and-policing-bodies' : 'all-chief-officers',
    }));
  const budget = (at: Date, parties: string[]): AnnualBudget => {
    const contributions = parties.map((party) => ({ party, amountGbp: prng.int(20, 900) * 1000 }));
    return { financialYear: financialYearOf(at), totalGbp: contributions.reduce((s, c) => s + c.amountGbp, 0), contributions };
  };
  const appetite = (): AgreedRiskAppetite => ({
    appetite: prng.sample(RISK_CATEGORIES, prng.int(3, 7)).map((category) => ({ category, level: prng.pick(RISK_LEVELS) })),
    statement: 'Generated: the appetite the partners agreed for the collaboration',
  });
  const publication = (): Publication => {
    const level = prng.chance(0.7) ? 'full' : prng.chance(0.65) ? 'redacted' : 'title-only';
    return { level, reason: level === 'full' ? null : 'Generated: operationally sensitive detail withheld (s23E)' };
  };

  // ---- the proposal and its signatures
  const proposedAt = plan.proposedAt;
  collaboration(
    {
      kind: 'ProposeCollaboration',
      collaborationId: id,
      name: plan.name,
      purpose: `Generated: to deliver ${plan.functions.join(', ').toLowerCase()} jointly, more efficiently and more resiliently than alone`,
      functions: plan.functions,
      parties: plan.parties,
      otherParties: [],
      leadForce: plan.leadForce,
      costSharing: prng.pick(['In proportion to net revenue expenditure', 'In proportion to officer numbers', 'Equal shares', 'By use of the service']),
      noticePeriodMonths: prng.pick([6, 12, 12, 18, 24]),
      reviewDate: `${proposedAt.getUTCFullYear() + 3}-04-01`,
      delegationScheme: scheme(),
      annualBudget: prng.chance(0.8) ? budget(proposedAt, plan.parties) : null,
      riskAppetite: prng.chance(0.5) ? appetite() : null,
      publication: prng.chance(0.8) ? publication() : null,
      occurredAt: proposedAt,
    },
    manager(plan.leadForce, proposedAt),
  );
  const staffedAt = later(proposedAt, 1, 30);
  agenda.at(staffedAt, () => {
    if (state().status === 'terminated') return;
    const at = staffedAt;
    collaboration(
      { kind: 'StaffKeyRole', collaborationId: id, keyRole: 'Senior responsible owner', person: staff(lead(), at), trainedInCollaboration: prng.chance(0.5), trainedInChangeManagement: prng.chance(0.4), occurredAt: at },
      manager(lead(), at),
    );
  });
  let living = false;
  for (const [key, at] of [...plan.signAt].sort(([, a], [, b]) => a.getTime() - b.getTime())) {
    const [party, role] = key.split('/') as [string, Office];
    agenda.at(at, () => {
      collaboration({ kind: 'SignAgreement', collaborationId: id, party, role, signatory: holderOn(decisions, party, role, at), occurredAt: at }, officer(decisions, party, role, at));
      if (!living && inForce()) {
        living = true;
        life(state().cameIntoForceAt!);
      }
    });
  }

  // ---- variations, one at a time
  let variationOpen = false;
  let withdrawalDue: number | null = null;
  const proposeVariation = (at: Date, summary: string, terms: TermsChange) => {
    const variationId = prng.uuid();
    collaboration({ kind: 'ProposeVariation', collaborationId: id, variationId, summary, changes: `Generated: ${summary.toLowerCase()}`, terms, occurredAt: at }, manager(lead(), at));
    variationOpen = true;
    const signers = remainingParties(state()).flatMap((party) => OFFICES.map((role) => ({ party, role, at: later(at, 1, 40) })));
    for (const signer of signers) {
      agenda.at(signer.at, () => {
        const now = state();
        const variation = now.variations.find((v) => v.variationId === variationId);
        if (!variation || variation.agreedAt || now.status !== 'in-force' || !remainingParties(now).includes(signer.party)) return;
        collaboration(
          { kind: 'SignVariation', collaborationId: id, variationId, party: signer.party, role: signer.role, signatory: holderOn(decisions, signer.party, signer.role, signer.at), occurredAt: signer.at },
          officer(decisions, signer.party, signer.role, signer.at),
        );
        if (state().variations.find((v) => v.variationId === variationId)?.agreedAt) {
          variationOpen = false;
          if (terms.endsOn && state().status === 'in-force') {
            const endsAt = new Date(`${terms.endsOn}T09:00:00Z`);
            agenda.at(endsAt, () => {
              if (state().status === 'in-force') collaboration({ kind: 'TerminateCollaboration', collaborationId: id, reason: 'Generated: the agreed end has come', occurredAt: endsAt }, manager(lead(), endsAt));
            });
          }
        }
      });
    }
    // Never left open for ever: a variation not agreed within the signing window blocks no later one.
    agenda.at(at.getTime() + 45 * DAY_MS, () => {
      variationOpen = false;
    });
  };
  /** Tries a variation at `at`; if another is open, or a withdrawal is about to take effect, a little later. */
  const vary = (at: Date, make: (at: Date) => [string, TermsChange] | null, attempt = 0) => {
    agenda.at(at, () => {
      if (!inForce() || attempt > 12) return;
      const blocked = variationOpen || (withdrawalDue !== null && at.getTime() > withdrawalDue - 50 * DAY_MS && at.getTime() < withdrawalDue + DAY_MS);
      if (blocked) return vary(later(at, 20, 30), make, attempt + 1);
      const made = make(at);
      if (made) proposeVariation(at, made[0], made[1]);
    });
  };

  // ---- life in force
  function life(from: Date): void {
    const years = Math.max(0, (end.getTime() - from.getTime()) / (365 * DAY_MS));
    // A budget for each financial year, agreed in February or March.
    for (let y = from.getUTCFullYear(); y <= end.getUTCFullYear(); y++) {
      const at = new Date(Date.UTC(y, 1, 1) + prng.int(0, 40) * DAY_MS + minutes(9 * 60, 16 * 60));
      if (at <= from || !prng.chance(0.85)) continue;
      vary(at, (on) => ['Annual budget for the coming financial year', { annualBudget: budget(new Date(on.getTime() + 60 * DAY_MS), remainingParties(state())) }]);
    }
    for (let k = 0; k < Math.round(years); k++) {
      const at = later(from, 30 + k * 365, 30 + k * 365 + 330);
      const kind = prng.pick(['delegation', 'delegation', 'appetite', 'publication', 'notice', 'functions', 'none', 'none']);
      if (kind === 'delegation') vary(at, () => ['Revised delegation scheme', { delegationScheme: scheme() }]);
      if (kind === 'appetite') vary(at, () => ['Revised agreed risk appetite', { riskAppetite: appetite() }]);
      if (kind === 'publication') {
        vary(at, () => {
          const next = publication();
          return next.level === state().terms!.publication?.level ? null : ['Changed publication of the agreement', { publication: next }];
        });
      }
      if (kind === 'notice') {
        vary(at, () => {
          const months = prng.pick([6, 12, 18, 24]);
          return months === state().terms!.noticePeriodMonths ? null : ['Changed notice period for withdrawal', { noticePeriodMonths: months }];
        });
      }
      if (kind === 'functions') {
        vary(at, () => {
          const added = FUNCTIONS.filter((f) => !state().terms!.functions.includes(f));
          return added.length ? ['Added a function to the collaboration', { functions: [...state().terms!.functions, prng.pick(added)] }] : null;
        });
      }
    }
    if (prng.chance(0.12)) {
      vary(later(from, 200, 200 + Math.max(1, Math.round(years * 300))), () => {
        const now = state();
        const candidates = remainingParties(now).filter((p) => p !== now.terms!.leadForce && !outstandingNotice(now, p));
        return candidates.length ? ['Lead force changes', { leadForce: prng.pick(candidates) }] : null;
      });
    }
    if (prng.chance(0.07)) {
      const at = later(from, 365, 365 + Math.max(1, Math.round(years * 330)));
      vary(at, (on) => ['Ended by agreement of the parties', { endsOn: dayOf(on.getTime() + prng.int(60, 150) * DAY_MS) }]);
    }
    if (prng.chance(0.09)) giveNotice(later(from, 200, 200 + Math.max(1, Math.round(years * 330))));
    if (prng.chance(0.1)) {
      const at = later(from, 120, 120 + Math.max(1, Math.round(years * 330)));
      agenda.at(at, () => {
        if (inForce()) collaboration({ kind: 'RestatePurpose', collaborationId: id, purpose: `Generated: ${state().terms!.purpose.replace(/^Generated: /, '')}, restated after review`, reason: 'Generated: the purpose kept at the fore', occurredAt: at }, manager(lead(), at));
      });
    }
    review(new Date(`${state().terms!.reviewDate}T10:00:00Z`));

    // Decisions: 2–10 a year.
    const perYear = prng.int(2, 10);
    for (let t = from.getTime() + prng.int(5, 60) * DAY_MS; t < end.getTime(); t += Math.max(1, Math.round(-Math.log(1 - prng.next()) * (365 / perYear))) * DAY_MS) {
      const at = new Date(t + minutes(9 * 60, 16 * 60));
      agenda.at(at, () => proposeDecision(at));
    }
    // Benefits: 1–4, identified in the first months.
    const benefits = prng.int(1, 4);
    for (let k = 0; k < benefits; k++) {
      const at = later(from, 15, 120);
      agenda.at(at, () => identifyBenefit(at));
    }
    // Recommendations: in about a third of collaborations, 1–3.
    if (prng.chance(0.35)) {
      const count = prng.int(1, 3);
      for (let k = 0; k < count; k++) {
        const at = later(from, 90, 90 + Math.max(1, Math.round(years * 330)));
        agenda.at(at, () => raiseRecommendation(at));
      }
    }
  }

  function review(at: Date): void {
    agenda.at(at, () => {
      if (!inForce()) return;
      const next = `${at.getUTCFullYear() + 3}-04-01`;
      collaboration({ kind: 'CompleteReview', collaborationId: id, outcome: 'continue', findings: 'Generated: the collaboration continues to meet its purpose', nextReviewDate: next, occurredAt: at }, manager(lead(), at));
      review(new Date(`${next}T10:00:00Z`));
    });
  }

  function giveNotice(at: Date): void {
    agenda.at(at, () => {
      const now = state();
      if (!inForce() || variationOpen) return;
      const candidates = remainingParties(now).filter((p) => p !== now.terms!.leadForce);
      if (candidates.length === 0) return;
      const party = prng.pick(candidates);
      const effectiveOn = dayOf(Date.parse(`${addMonths(at, now.terms!.noticePeriodMonths)}T00:00:00Z`) + prng.int(0, 60) * DAY_MS);
      collaboration({ kind: 'GiveWithdrawalNotice', collaborationId: id, party, role: 'chief-officer', reason: 'Generated: the force will deliver the function alone', effectiveOn, occurredAt: at }, officer(decisions, party, 'chief-officer', at));
      const leaves = new Date(`${effectiveOn}T09:30:00Z`);
      withdrawalDue = leaves.getTime();
      agenda.at(leaves, () => {
        const then = state();
        withdrawalDue = null;
        if (then.status !== 'in-force' || !remainingParties(then).includes(party) || then.terms!.leadForce === party) return;
        collaboration({ kind: 'RecordPartyWithdrawal', collaborationId: id, party, occurredAt: leaves }, officer(decisions, party, 'chief-officer', leaves));
      });
    });
  }

  // ---- decisions
  function proposeDecision(at: Date): void {
    if (!inForce()) return;
    const decisionId = prng.uuid();
    streams.push(decisionStreamId(decisionId));
    const category: DecisionCategory = prng.pick(DECISION_CATEGORIES);
    const valueGbp = round(Math.exp(Math.log(1000) + prng.next() * (Math.log(2_000_000) - Math.log(1000))), 100);
    decision(
      {
        kind: 'ProposeDecision',
        decisionId,
        collaborationId: id,
        title: `Generated ${category} decision ${decisionId.slice(0, 8)}`,
        category,
        valueGbp,
        rationale: 'Generated: the options were weighed against cost, risk and service',
        optionsConsidered: prng.sample(['Do nothing', 'Deliver jointly', 'Buy in the service', 'Phase it over two years', 'Pilot in one force'], prng.int(1, 3)),
        occurredAt: at,
      },
      manager(lead(), at),
    );
    const stream = decisionStreamId(decisionId);
    const held = () => decisions.stateOf<DecisionState>(stream, initialDecisionState);
    const open = () => held().status === 'open';
    const proposal = held().proposal!;
    let approvalsFrom = at;
    if (proposal.basis === 'lead-force-alone' && prng.chance(0.06)) {
      const escalatedAt = later(at, 1, 5);
      approvalsFrom = escalatedAt;
      agenda.at(escalatedAt, () => {
        if (!open()) return;
        decision({ kind: 'EscalateDecision', decisionId, to: 'all-chief-officers', reason: 'Generated: the partners should decide this together', occurredAt: escalatedAt }, manager(lead(), escalatedAt));
        approve(escalatedAt);
      });
    } else if (proposal.basis !== 'lead-force-alone' && prng.chance(0.05)) {
      const urgentAt = new Date(at.getTime() + minutes(60, 600));
      agenda.at(urgentAt, () => {
        if (!open()) return;
        const leadForce = held().proposal!.leadForce;
        const by = officer(decisions, leadForce, 'chief-officer', urgentAt);
        decision({ kind: 'TakeDecisionUnderUrgency', decisionId, party: leadForce, role: 'chief-officer', signatory: by, justification: 'Generated: a risk to public safety could not wait for every approval', occurredAt: urgentAt }, by);
        const rescinder = prng.chance(0.08) ? prng.int(0, held().urgency!.skippedApprovals.length - 1) : -1;
        held().urgency!.skippedApprovals.forEach((skipped, k) => {
          const actAt = later(urgentAt, 5, 60);
          agenda.at(actAt, () => {
            if (held().status !== 'taken-under-urgency') return;
            const by = officer(decisions, skipped.party, skipped.role, actAt);
            const act = { decisionId, party: skipped.party, role: skipped.role, signatory: by, occurredAt: actAt };
            decision(k === rescinder ? { kind: 'RescindDecision', ...act, reason: 'Generated: the urgency was not made out' } : { kind: 'RatifyDecision', ...act }, by);
          });
        });
      });
      return;
    } else approve(approvalsFrom);

    function approve(from: Date): void {
      const needed = outstandingApprovals(held());
      const rejecter = prng.chance(0.04) ? prng.int(0, needed.length - 1) : -1;
      needed.forEach((approver, k) => {
        const actAt = later(from, 1, 45);
        agenda.at(actAt, () => {
          if (!open()) return;
          const by = officer(decisions, approver.party, approver.role, actAt);
          const act = { decisionId, party: approver.party, role: approver.role, signatory: by, occurredAt: actAt };
          decision(k === rejecter ? { kind: 'RejectDecision', ...act, reason: 'Generated: the cost to the force is not justified' } : { kind: 'ApproveDecision', ...act }, by);
        });
      });
    }
  }

  // ---- benefits
  function identifyBenefit(at: Date): void {
    if (!inForce()) return;
    const benefitId = prng.uuid();
    const stream = benefitStreamId(benefitId);
    streams.push(stream);
    const parties = remainingParties(state());
    const base = Math.floor(10_000 / parties.length);
    const sharePerForce = parties.map((party, k) => ({ party, percent: (k === 0 ? 10_000 - base * (parties.length - 1) : base) / 100 }));
    const category: BenefitCategory = prng.pick(['economic', 'efficiency', 'effectiveness', 'effectiveness']);
    const measureKind = prng.pick(MEASURE_KINDS);
    const [measure, unit, baseline, target] =
      category === 'economic'
        ? ['Cashable saving', 'GBP', 0, prng.int(5, 200) * 1000]
        : category === 'efficiency'
          ? ['Officer hours released', 'hours', 0, prng.int(50, 2000)]
          : (['Cases resolved within target time', 'percent', prng.int(40, 70), 0] as [string, string, number, number]);
    const targetValue = category === 'effectiveness' ? Math.min(99, baseline + prng.int(5, 25)) : target;
    const targetDate = dayOf(at.getTime() + prng.int(540, 1460) * DAY_MS);
    const benefitLead = lead();
    benefit(
      {
        kind: 'IdentifyBenefit',
        benefitId,
        collaborationId: id,
        title: `Generated benefit: ${measure.toLowerCase()}`,
        category,
        measure,
        unit,
        measureKind,
        baseline,
        target: targetValue,
        targetDate,
        owner: staff(benefitLead, at),
        sharePerForce,
        occurredAt: at,
      },
      manager(benefitLead, at),
    );
    const held = () => decisions.stateOf<BenefitState>(stream, initialBenefitState);
    const tracked = () => held().status !== 'closed';
    const realisation = 0.3 + prng.next() * 0.9;
    const approvedAt = later(at, 5, 30);
    agenda.at(approvedAt, () => {
      benefit({ kind: 'ApproveBenefitProfile', benefitId, occurredAt: approvedAt }, officer(decisions, benefitLead, 'chief-officer', approvedAt));
      measureMonth(periodOf(at), 0);
    });
    let closing = false;
    const close = (closeAt: Date, outcome: BenefitOutcome | null) => {
      if (closing) return;
      closing = true;
      agenda.at(closeAt, () => {
        if (!tracked()) return;
        benefit({ kind: 'RecordPostImplementationReview', benefitId, findings: 'Generated: what the benefit delivered against its profile', occurredAt: closeAt }, manager(benefitLead, closeAt));
        const closedAt = new Date(closeAt.getTime() + minutes(60, 600));
        const last = held().measurements.at(-1);
        const progress = last ? (valueOf(last) - baseline) / Math.max(1, held().target! - baseline) : 0;
        const chosen = outcome ?? (last && progress >= 0.9 ? 'realised' : progress >= 0.4 ? 'partly-realised' : 'not-realised');
        benefit({ kind: 'CloseBenefit', benefitId, outcome: chosen, note: 'Generated: closed on its measurements', occurredAt: closedAt }, manager(benefitLead, closedAt));
      });
    };
    const valueOf = (m: BenefitState['measurements'][number]) => m.corrections.at(-1)?.value ?? m.value;
    const months = Math.max(1, (Date.parse(targetDate) - at.getTime()) / (30 * DAY_MS));
    function measureMonth(period: string, k: number): void {
      const measuredAt = new Date(Math.max(endOfPeriod(period).getTime() + prng.int(3, 20) * DAY_MS + minutes(9 * 60, 16 * 60), approvedAt.getTime() + 3_600_000));
      agenda.at(measuredAt, () => {
        if (!tracked()) return;
        const progress = Math.min(1, (k + 1) / months) * realisation * (0.85 + prng.next() * 0.3);
        const target = held().target!;
        const figure = Math.round(baseline + (target - baseline) * progress);
        const value = measureKind === 'cumulative' ? figure : measureKind === 'annualised-run-rate' ? figure : Math.max(0, Math.round(figure / (category === 'effectiveness' ? 1 : Math.max(1, months))));
        benefit({ kind: 'RecordBenefitMeasurement', benefitId, period, value, evidence: `Generated: figures for ${period}`, occurredAt: measuredAt }, manager(benefitLead, measuredAt));
        if (prng.chance(0.02)) {
          const correctedAt = later(measuredAt, 1, 20);
          agenda.at(correctedAt, () => {
            if (tracked()) benefit({ kind: 'RecordBenefitMeasurement', benefitId, period, value: Math.round(value * 1.05) + 1, evidence: `Generated: corrected figures for ${period}`, correctionReason: 'Generated: a late return corrected the figure', occurredAt: correctedAt }, manager(benefitLead, correctedAt));
          });
        }
        if (k === 11 && prng.chance(0.15)) {
          const revisedAt = later(measuredAt, 1, 10);
          agenda.at(revisedAt, () => {
            if (!tracked()) return;
            const now = held();
            const to = Math.round(now.target! * (prng.chance(0.5) ? 0.8 : 1.2)) + 1;
            benefit({ kind: 'ReviseBenefitTarget', benefitId, target: to, targetDate: dayOf(Date.parse(now.targetDate!) + 180 * DAY_MS), reason: 'Generated: the first year showed a different trajectory', occurredAt: revisedAt }, manager(benefitLead, revisedAt));
          });
        }
        if (k === 18 && held().status === 'approved' && prng.chance(0.3)) {
          const handedAt = later(measuredAt, 1, 10);
          agenda.at(handedAt, () => {
            if (held().status === 'approved') benefit({ kind: 'HandBenefitToBusinessAsUsual', benefitId, owner: staff(benefitLead, handedAt), note: 'Generated: owned by the business from now on', occurredAt: handedAt }, manager(benefitLead, handedAt));
          });
        }
        const now = state();
        if (now.status === 'terminated') close(later(measuredAt, 10, 40), prng.chance(0.5) ? 'partly-realised' : 'not-realised');
        else if (period >= held().targetDate!.slice(0, 7)) close(later(measuredAt, 20, 80), null);
        else measureMonth(nextPeriod(period), k + 1);
      });
    }
  }

  // ---- recommendations
  function raiseRecommendation(at: Date): void {
    const now = state();
    if (now.status === 'none') return;
    const recommendationId = prng.uuid();
    const national = prng.chance(0.15);
    const day = dayOf(at);
    const addressedTo = national ? prng.pick(day >= '2015-04-01' ? ['npcc', 'college-of-policing', 'home-office'] : ['college-of-policing', 'home-office']) : prng.pick(remainingParties(now));
    if (!national && now.status === 'terminated') return;
    streams.push(recommendationStreamId(recommendationId));
    const source = prng.pick(['inspection-report', 'inspection-report', 'internal-audit', 'post-implementation-review'] as const);
    const reportPublishedOn = source === 'inspection-report' ? dayOf(at.getTime() - prng.int(5, 40) * DAY_MS) : undefined;
    const ownerForce = national ? lead() : addressedTo;
    const by = (when: Date): Principal => (national ? generatedRegistrar(seed) : manager(addressedTo, when));
    const scrutiny = (when: Date): Principal => (national ? generatedRegistrar(seed) : officer(decisions, addressedTo, 'policing-body', when));
    let due = dayOf(at.getTime() + prng.int(90, 270) * DAY_MS);
    recommendation(
      {
        kind: 'RaiseRecommendation',
        recommendationId,
        source,
        reference: `GEN-${plan.index + 1}-${recommendationId.slice(0, 6)}`,
        recommendationKind: prng.pick(['recommendation', 'area-for-improvement', 'cause-of-concern'] as const),
        text: 'Generated: the collaboration should set out and track the benefits it is to deliver',
        addressedTo,
        collaborationId: id,
        owner: staff(ownerForce, at),
        dueDate: due,
        ...(reportPublishedOn ? { reportPublishedOn } : {}),
        occurredAt: at,
      },
      by(at),
    );
    const stream = recommendationStreamId(recommendationId);
    const held = () => decisions.stateOf<RecommendationState>(stream, initialRecommendationState);
    const openRec = () => held().status === 'open';
    const plannedAt = later(at, 5, 30);
    agenda.at(plannedAt, () => recommendation({ kind: 'PlanAction', recommendationId, action: 'Generated: an action plan with milestones', owner: staff(ownerForce, plannedAt), dueDate: due, occurredAt: plannedAt }, by(plannedAt)));
    if (!national && source === 'inspection-report') {
      const respondedAt = later(at, 20, 80);
      agenda.at(respondedAt, () =>
        recommendation({ kind: 'PublishPolicingBodyResponse', recommendationId, response: 'Generated: the policing body welcomes the report and will oversee the plan', chiefOfficerComments: 'Generated: the force accepts the recommendation', occurredAt: respondedAt }, scrutiny(respondedAt)),
      );
    }
    const progress = (from: Date) => {
      const reportAt = later(from, 30, 90);
      agenda.at(reportAt, () => {
        if (!openRec()) return;
        recommendation({ kind: 'ReportProgress', recommendationId, note: 'Generated: milestones on track', occurredAt: reportAt }, by(reportAt));
        progress(reportAt);
      });
    };
    progress(plannedAt);
    const slips = prng.chance(0.35) ? prng.int(1, 2) : 0;
    const finish = (slipsLeft: number) => {
      const dueAt = Date.parse(`${due}T12:00:00Z`);
      if (slipsLeft > 0) {
        const revisedAt = new Date(Math.max(held().raisedAt ? Date.parse(held().raisedAt!) + DAY_MS : 0, dueAt - prng.int(1, 20) * DAY_MS));
        agenda.at(revisedAt, () => {
          if (!openRec()) return;
          due = dayOf(dueAt + prng.int(30, 120) * DAY_MS);
          recommendation({ kind: 'ReviseDueDate', recommendationId, dueDate: due, reason: 'Generated: a dependency slipped', occurredAt: revisedAt }, by(revisedAt));
          finish(slipsLeft - 1);
        });
        return;
      }
      const evidenceAt = new Date(Math.max(plannedAt.getTime() + DAY_MS, dueAt - prng.int(1, 20) * DAY_MS));
      close(evidenceAt, prng.chance(0.15));
    };
    const close = (evidenceAt: Date, rejectFirst: boolean) => {
      agenda.at(evidenceAt, () => {
        if (!openRec()) return;
        recommendation({ kind: 'SubmitEvidence', recommendationId, reference: `EV-${recommendationId.slice(0, 6)}`, description: 'Generated: evidence the action is complete', occurredAt: evidenceAt }, by(evidenceAt));
        const proposedAt = later(evidenceAt, 1, 10);
        agenda.at(proposedAt, () => {
          if (!openRec()) return;
          recommendation({ kind: 'ProposeClosure', recommendationId, note: 'Generated: the action is complete', occurredAt: proposedAt }, by(proposedAt));
          const judgedAt = later(proposedAt, 7, 45);
          agenda.at(judgedAt, () => {
            if (held().status !== 'closure-proposed') return;
            if (rejectFirst) {
              recommendation({ kind: 'RejectClosure', recommendationId, reason: 'Generated: the evidence does not yet show the change embedded', occurredAt: judgedAt }, scrutiny(judgedAt));
              close(later(judgedAt, 20, 60), false);
            } else recommendation({ kind: 'AcceptClosure', recommendationId, note: 'Generated: closure accepted on the evidence', occurredAt: judgedAt }, scrutiny(judgedAt));
          });
        });
      });
    };
    finish(slips);
  }

  agenda.runAll();
  return streams;
}

/** The force's name, for messages. */
export const forceName = (code: string) => forceByCode(code)?.name ?? code;
