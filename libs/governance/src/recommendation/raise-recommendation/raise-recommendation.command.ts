import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { refuseIfActPrecedes } from '../../acts-on.js';
import { type DecisionContext, day, notFound, personOf, refuse } from '../../decider.js';
import type { Person } from '../../office/office.events.js';
import { nationalBodyByCode, s55ResponseDeadline } from '../national-bodies.js';
import type { AddresseeKind, RecommendationEvent, RecommendationKind, RecommendationSource } from '../recommendation.events.js';
import { type RecommendationState } from '../recommendation.state.js';

/** Force addressees: the force's managers and officers raise it. National-body addressees: a registrar records it. */
export const RAISE_RECOMMENDATION: Action = { name: 'raise-recommendation', kind: 'force-act', roles: ['collaboration-manager', 'chief-officer', 'policing-body', 'registrar'] };

/** The collaboration a recommendation names, as it stood on the recommendation's date: read by the command runner. */
export interface RecommendationFacts {
  collaboration?: { status: string; remainingParties: string[] };
}

/** A recommendation, area for improvement or cause of concern, recorded against the force or national body it is addressed to. */
export interface RaiseRecommendation {
  kind: 'RaiseRecommendation';
  recommendationId: string;
  source: RecommendationSource;
  reference: string;
  recommendationKind: RecommendationKind;
  text: string;
  addressedTo: string;
  collaborationId?: string;
  owner: Person;
  dueDate: string;
  /** The day the report was published (YYYY-MM-DD): starts the s55 clock for an inspection report. */
  reportPublishedOn?: string;
  occurredAt: Date;
}

/** Whom a recommendation is addressed to: a national body when its code names one, otherwise a force. */
export const addresseeKindOf = (addressedTo: string): AddresseeKind => (nationalBodyByCode(addressedTo) ? 'national-body' : 'force');

export function raiseRecommendation(state: RecommendationState, command: RaiseRecommendation, context: DecisionContext<RecommendationFacts>): RecommendationEvent[] | LedgerError {
  if (state.status !== 'none') return refuse('RecommendationAlreadyRaised', `recommendation ${command.recommendationId} already exists`);
  const addresseeKind = addresseeKindOf(command.addressedTo);
  const nationalBody = nationalBodyByCode(command.addressedTo);
  if (nationalBody?.from && day(command.occurredAt) < nationalBody.from) {
    return refuse('AddresseeNotYetInExistence', `the ${nationalBody.name} came into being on ${nationalBody.from}; a recommendation dated ${day(command.occurredAt)} cannot be addressed to it`, {
      addressedTo: nationalBody.code,
      from: nationalBody.from,
    });
  }
  if (command.collaborationId !== undefined) {
    // An id must name something: a recommendation about a collaboration that did not exist on its date is refused.
    const collaboration = context.facts.collaboration;
    if (!collaboration || collaboration.status === 'none') return notFound('CollaborationNotFound', `There is no collaboration ${command.collaborationId} on ${command.occurredAt.toISOString().slice(0, 10)}.`);
    // A force it is addressed to is one of the collaboration's parties; a national body may address any collaboration.
    if (addresseeKind === 'force' && !collaboration.remainingParties.includes(command.addressedTo)) {
      return refuse('AddresseeNotAParty', `${command.addressedTo} is not a party to collaboration ${command.collaborationId}: a recommendation about it is addressed to one of its parties`);
    }
  }
  const reportPublishedOn = command.reportPublishedOn ?? null;
  // A recommendation is made by its report: it is not raised before the report was published.
  const dated = refuseIfActPrecedes('the recommendation', command.occurredAt, 'the publication of the report that made it', reportPublishedOn ? `${reportPublishedOn}T00:00:00Z` : null);
  if (dated) return dated;
  // s55(5A) binds a force's local policing body, for an inspection report (HMICFRS), from 2 May 2017.
  const responseDeadline = reportPublishedOn && command.source === 'inspection-report' && addresseeKind === 'force' ? s55ResponseDeadline(reportPublishedOn) : null;
  const { recommendationId, source, reference, recommendationKind, text, addressedTo, collaborationId, owner, dueDate } = command;
  return [
    {
      type: 'RecommendationRaised',
      data: {
        recommendationId,
        source,
        reference,
        kind: recommendationKind,
        text,
        addressedTo,
        addresseeKind,
        collaborationId: collaborationId ?? null,
        owner,
        dueDate,
        raisedBy: personOf(context),
        reportPublishedOn,
        responseDeadline,
      },
      occurredAt: command.occurredAt,
    },
  ];
}
