/**
 * Which names in the ledger are personal data that a person may have erased (UK GDPR art. 17, DPA
 * 2018), declared once for the event store (libs/event-store personal-data-store.ts encrypts them
 * per person on append and decrypts them on read; `ledger forget <person-id>` erases them).
 *
 * Public office holders acting as such — chief officers and policing bodies (PCCs), their
 * appointments, signatures, approvals and decisions — are a public record of public acts and stay
 * in clear. Everyone else named in an event is declared here: the staff who propose, own, report
 * and record (collaboration managers, benefit and recommendation owners, key-role holders), and
 * whoever recorded an event without holding a public office (metadata.actor).
 *
 * Each entry lists paths (dot-separated, `[]` for every element of an array) to person objects
 * `{ personId, name }`; their `name` is what is encrypted. Adding an event type that names such a
 * person means adding a line here. Not covered: free text (a note, a rationale) that names someone
 * — it is not known whom it names; keep names out of free text (docs/integrity.md).
 */
export const PERSONAL_DATA_FIELDS: Readonly<Record<string, readonly string[]>> = {
  CollaborationProposed: ['data.proposedBy'],
  VariationProposed: ['data.proposedBy'],
  KeyRoleStaffed: ['data.person'],
  DecisionProposed: ['data.proposer'],
  BenefitIdentified: ['data.owner'],
  BenefitHandedToBusinessAsUsual: ['data.owner'],
  RecommendationRaised: ['data.owner', 'data.raisedBy'],
  ActionPlanned: ['data.owner'],
  ProgressReported: ['data.by'],
  EvidenceSubmitted: ['data.by'],
  ClosureProposed: ['data.by'],
};

/** The roles whose holders act in a public office: their names, as actors, stay in clear. */
const PUBLIC_OFFICE_ROLES: readonly unknown[] = ['chief-officer', 'policing-body'];

/** The personal fields of one event: its type's, and who recorded it unless a public office holder. */
export function personalFieldsOf(event: { type: string; data: unknown; metadata: Record<string, unknown> }): readonly string[] {
  const declared = PERSONAL_DATA_FIELDS[event.type] ?? [];
  return event.metadata.actor !== undefined && !PUBLIC_OFFICE_ROLES.includes(event.metadata.role) ? [...declared, 'metadata.actor'] : declared;
}
