import type { RecordedEvent } from '#event-store';
import { AppetitePeriod, BenefitAgainstPlan, DecisionLogEntry, OfficeTenure, RecommendationTrack, RegisterEntry, SignatureCell } from './entities.js';
import { type Projection, idFromStream } from './projection.js';

type Data = Record<string, any>;
const data = (event: RecordedEvent) => event.data as Data;
const days = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 86_400_000;

/** 1. The national register: one row per collaboration, as it stands. */
export const registerProjection: Projection = {
  name: 'register.v1',
  entities: [RegisterEntry],
  handles: (type) =>
    [
      'CollaborationProposed',
      'AgreementSigned',
      'AgreementCameIntoForce',
      'PurposeRestated',
      'LeadForceChanged',
      'AnnualBudgetSet',
      'AgreementPublished',
      'PartyWithdrew',
      'CollaborationTerminated',
      'CollaborationRiskAppetiteAgreed',
      'WithdrawalNoticeGiven',
      'WithdrawalNoticeRescinded',
    ].includes(type),
  async apply(event, tx) {
    const repository = tx.getRepository(RegisterEntry);
    const collaborationId = idFromStream(event.streamId, 'collaboration');
    const d = data(event);
    if (event.type === 'CollaborationProposed') {
      await repository.upsert(
        {
          collaborationId,
          name: d.name,
          purpose: d.purpose,
          functions: d.functions,
          parties: d.parties,
          withdrawnParties: [],
          leadForce: d.leadForce,
          status: 'proposed',
          proposedAt: event.occurredAt,
          cameIntoForceAt: null,
          terminatedAt: null,
          publicationLevel: null,
          publicationReason: null,
          budgets: {},
          signatures: 0,
          agreedAppetites: [],
          notices: [],
          lastPosition: String(event.globalPosition),
        },
        ['collaborationId'],
      );
      return;
    }
    const entry = await repository.findOneBy({ collaborationId });
    if (!entry || Number(entry.lastPosition) >= event.globalPosition) return; // applied already
    entry.lastPosition = String(event.globalPosition);
    switch (event.type) {
      case 'AgreementSigned':
        entry.signatures += 1;
        break;
      case 'AgreementCameIntoForce':
        entry.status = 'in-force';
        entry.cameIntoForceAt = event.occurredAt;
        break;
      case 'PurposeRestated':
        entry.purpose = d.purpose;
        break;
      case 'LeadForceChanged':
        entry.leadForce = d.to;
        break;
      case 'AnnualBudgetSet':
        entry.budgets = { ...entry.budgets, [d.financialYear]: { totalGbp: d.totalGbp, contributions: d.contributions } };
        break;
      case 'AgreementPublished':
        entry.publicationLevel = d.level;
        entry.publicationReason = d.reason;
        break;
      case 'PartyWithdrew':
        entry.withdrawnParties = [...entry.withdrawnParties, d.party];
        break;
      case 'CollaborationTerminated':
        entry.status = 'terminated';
        entry.terminatedAt = event.occurredAt;
        break;
      case 'WithdrawalNoticeGiven':
        entry.notices = [...entry.notices, { party: d.party, givenAt: event.occurredAt.toISOString(), effectiveOn: d.effectiveOn, rescinded: false, position: event.globalPosition }];
        break;
      case 'WithdrawalNoticeRescinded':
        entry.notices = entry.notices.map((n) => (n.party === d.party && !n.rescinded ? { ...n, rescinded: true } : n));
        break;
      case 'CollaborationRiskAppetiteAgreed':
        entry.agreedAppetites = [...entry.agreedAppetites, { from: event.occurredAt.toISOString(), appetite: d.appetite, position: event.globalPosition }];
        break;
    }
    await repository.save(entry);
  },
};

/** 5's source: every force's declared risk appetite, per remit and category, as periods. */
export const riskAppetiteProjection: Projection = {
  name: 'risk-appetite.v1',
  entities: [AppetitePeriod],
  handles: (type) => type === 'RiskAppetiteDeclared' || type === 'RiskAppetiteRevised',
  async apply(event, tx) {
    const d = data(event);
    if (await tx.getRepository(AppetitePeriod).existsBy({ eventPosition: String(event.globalPosition) })) return; // applied already
    if (event.type === 'RiskAppetiteRevised') {
      await tx.query(
        `UPDATE rm_appetite_periods SET held_to = $4 WHERE force_code = $1 AND remit = $2 AND category = $3 AND held_to IS NULL`,
        [d.forceCode, d.remit, d.category, event.occurredAt],
      );
    }
    await tx.getRepository(AppetitePeriod).insert({
      eventPosition: String(event.globalPosition),
      forceCode: d.forceCode,
      remit: d.remit,
      category: d.category,
      level: event.type === 'RiskAppetiteRevised' ? d.to : d.level,
      heldFrom: event.occurredAt,
      heldTo: null,
    });
  },
};

/** 3. The signature matrix: who signed for which party and office, when, and when the ledger learned of it. */
export const signatureMatrixProjection: Projection = {
  name: 'signature-matrix.v1',
  entities: [SignatureCell],
  handles: (type) => type === 'AgreementSigned',
  async apply(event, tx) {
    const d = data(event);
    await tx
      .createQueryBuilder()
      .insert()
      .into(SignatureCell)
      .values({
        collaborationId: idFromStream(event.streamId, 'collaboration'),
        party: d.party,
        role: d.role,
        signatoryPersonId: d.signatory.personId,
        signatoryName: d.signatory.name,
        signedAt: event.occurredAt,
        recordedAt: event.recordedAt,
        eventPosition: String(event.globalPosition),
      })
      .orIgnore()
      .execute();
  },
};

const ENDED_BY: Record<string, string> = { OfficeHandedOver: 'handover', ActingHolderDesignated: 'acting-designation', OfficeVacated: 'vacancy' };

/** 9. Office holders: every tenure, and what was pending for the office when it ended. */
export const officeHoldersProjection: Projection = {
  name: 'office-holders.v1',
  entities: [OfficeTenure],
  handles: (type) => type === 'OfficeHolderAppointed' || type in ENDED_BY,
  async apply(event, tx) {
    const repository = tx.getRepository(OfficeTenure);
    const d = data(event);
    if (await repository.existsBy({ officeStream: event.streamId, sequence: event.streamVersion })) return; // applied already
    if (event.type in ENDED_BY) {
      await tx.query(
        `UPDATE rm_office_tenures SET held_to = $2, ended_by = $3, pending_at_end = $4, ended_by_position = $5 WHERE office_stream = $1 AND held_to IS NULL`,
        [event.streamId, event.occurredAt, ENDED_BY[event.type], JSON.stringify(d.pending ?? []), event.globalPosition],
      );
    }
    const holder = event.type === 'OfficeHandedOver' ? d.incoming : event.type === 'OfficeVacated' ? null : d.holder;
    if (!holder) return;
    await repository.insert({
      officeStream: event.streamId,
      sequence: event.streamVersion,
      forceCode: d.forceCode,
      office: d.office,
      personId: holder.personId,
      name: holder.name,
      basis: event.type === 'ActingHolderDesignated' ? 'acting' : d.basis,
      heldFrom: event.occurredAt,
      heldTo: null,
      endedBy: null,
      pendingAtEnd: [],
      endedByPosition: null,
    });
  },
};

/** 4. The decision log: approvals, time to decide, escalations, urgency and ratification. */
export const decisionLogProjection: Projection = {
  name: 'decision-log.v1',
  entities: [DecisionLogEntry],
  handles: (type) => type.startsWith('Decision'),
  async apply(event, tx) {
    const repository = tx.getRepository(DecisionLogEntry);
    const decisionId = idFromStream(event.streamId, 'decision');
    const d = data(event);
    if (event.type === 'DecisionProposed') {
      await tx
        .createQueryBuilder()
        .insert()
        .into(DecisionLogEntry)
        .values({
          decisionId,
          collaborationId: d.collaborationId,
          title: d.title,
          category: d.category,
          valueGbp: String(d.valueGbp),
          leadForce: d.leadForce,
          basis: d.basis,
          status: 'open',
          proposedAt: event.occurredAt,
          decidedAt: null,
          daysToDecide: null,
          escalations: 0,
          takenUnderDelegation: false,
          urgent: false,
          ratified: false,
          approvals: [],
          rejections: [],
          eventPositions: [event.globalPosition],
        })
        .orIgnore()
        .execute();
      return;
    }
    const entry = await repository.findOneBy({ decisionId });
    if (!entry || entry.eventPositions.includes(event.globalPosition)) return; // applied already
    entry.eventPositions = [...entry.eventPositions, event.globalPosition];
    const decided = () => {
      entry.decidedAt = event.occurredAt;
      entry.daysToDecide = days(entry.proposedAt, event.occurredAt);
    };
    switch (event.type) {
      case 'DecisionEscalated':
        entry.escalations += 1;
        entry.basis = d.to;
        break;
      case 'DecisionApproved':
        entry.approvals = [...entry.approvals, { party: d.party, role: d.role, approver: d.approver, at: event.occurredAt }];
        break;
      case 'DecisionRejected':
        entry.rejections = [...entry.rejections, { party: d.party, role: d.role, approver: d.approver, reason: d.reason, at: event.occurredAt }];
        entry.status = 'rejected';
        decided();
        break;
      case 'DecisionTaken':
        entry.status = 'taken';
        entry.takenUnderDelegation = d.basis === 'lead-force-alone';
        decided();
        break;
      case 'DecisionTakenUnderUrgency':
        entry.status = 'taken-under-urgency';
        entry.urgent = true;
        decided();
        break;
      case 'DecisionRatified':
        if (d.complete) {
          entry.status = 'ratified';
          entry.ratified = true;
        }
        break;
      case 'DecisionRescinded':
        entry.status = 'rescinded';
        break;
    }
    await repository.save(entry);
  },
};

/** 7. Benefits against plan: original and current target, monthly figures, corrections, revisions. */
export const benefitsProjection: Projection = {
  name: 'benefits.v1',
  entities: [BenefitAgainstPlan],
  handles: (type) => type.startsWith('Benefit') || type === 'PostImplementationReviewRecorded',
  async apply(event, tx) {
    const repository = tx.getRepository(BenefitAgainstPlan);
    const benefitId = idFromStream(event.streamId, 'benefit');
    const d = data(event);
    if (event.type === 'BenefitIdentified') {
      await tx
        .createQueryBuilder()
        .insert()
        .into(BenefitAgainstPlan)
        .values({
          benefitId,
          collaborationId: d.collaborationId,
          title: d.title,
          category: d.category,
          unit: d.unit,
          baseline: d.baseline,
          originalTarget: d.target,
          target: d.target,
          targetDate: d.targetDate,
          status: 'identified',
          outcome: null,
          measurements: {},
          corrections: 0,
          targetRevisions: 0,
          eventPositions: [event.globalPosition],
        })
        .orIgnore()
        .execute();
      return;
    }
    const entry = await repository.findOneBy({ benefitId });
    if (!entry || entry.eventPositions.includes(event.globalPosition)) return; // applied already
    entry.eventPositions = [...entry.eventPositions, event.globalPosition];
    switch (event.type) {
      case 'BenefitProfileApproved':
        entry.status = 'approved';
        break;
      case 'BenefitMeasured':
        entry.measurements = { ...entry.measurements, [d.period]: d.value };
        break;
      case 'BenefitMeasurementCorrected':
        entry.measurements = { ...entry.measurements, [d.period]: d.value };
        entry.corrections += 1;
        break;
      case 'BenefitTargetRevised':
        entry.target = d.to;
        entry.targetDate = d.targetDate;
        entry.targetRevisions += 1;
        break;
      case 'BenefitHandedToBusinessAsUsual':
        entry.status = 'business-as-usual';
        break;
      case 'BenefitClosed':
        entry.status = 'closed';
        entry.outcome = d.outcome;
        break;
    }
    await repository.save(entry);
  },
};

/** 8. The recommendations tracker: open, overdue, slipped, closed with evidence. */
export const recommendationsProjection: Projection = {
  name: 'recommendations.v1',
  entities: [RecommendationTrack],
  handles: (type) =>
    ['RecommendationRaised', 'DueDateRevised', 'EvidenceSubmitted', 'ClosureProposed', 'ClosureAccepted', 'ClosureRejected'].includes(type),
  async apply(event, tx) {
    const repository = tx.getRepository(RecommendationTrack);
    const recommendationId = idFromStream(event.streamId, 'recommendation');
    const d = data(event);
    if (event.type === 'RecommendationRaised') {
      await tx
        .createQueryBuilder()
        .insert()
        .into(RecommendationTrack)
        .values({
          recommendationId,
          addressedTo: d.addressedTo,
          collaborationId: d.collaborationId,
          kind: d.kind,
          source: d.source,
          reference: d.reference,
          text: d.text,
          originalDueDate: d.dueDate,
          dueDate: d.dueDate,
          slips: 0,
          slipEvents: [],
          evidenceItems: 0,
          status: 'open',
          closedAt: null,
          eventPositions: [event.globalPosition],
        })
        .orIgnore()
        .execute();
      return;
    }
    const entry = await repository.findOneBy({ recommendationId });
    if (!entry || entry.eventPositions.includes(event.globalPosition)) return; // applied already
    entry.eventPositions = [...entry.eventPositions, event.globalPosition];
    switch (event.type) {
      case 'DueDateRevised':
        if (d.to > d.from) {
          entry.slips += 1;
          entry.slipEvents = [...entry.slipEvents, { at: event.occurredAt.toISOString(), from: d.from, to: d.to, position: event.globalPosition }];
        }
        entry.dueDate = d.to;
        break;
      case 'EvidenceSubmitted':
        entry.evidenceItems += 1;
        break;
      case 'ClosureProposed':
        entry.status = 'closure-proposed';
        break;
      case 'ClosureRejected':
        entry.status = 'open';
        break;
      case 'ClosureAccepted':
        entry.status = 'closed';
        entry.closedAt = event.occurredAt;
        break;
    }
    await repository.save(entry);
  },
};

export const PROJECTIONS: Projection[] = [
  registerProjection,
  signatureMatrixProjection,
  officeHoldersProjection,
  decisionLogProjection,
  benefitsProjection,
  recommendationsProjection,
  riskAppetiteProjection,
];
