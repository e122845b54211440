/** Who is acting: taken from a verified bearer token, carried into every command and event. */
export const ROLES = ['chief-officer', 'policing-body', 'collaboration-manager', 'auditor', 'registrar'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

export interface Principal {
  /** The person's stable id (the token's `sub`). */
  personId: string;
  name: string;
  role: Role;
  /**
   * The force they act for: a chief officer's force, a policing body's force area, a collaboration
   * manager's (lead) force. Auditors and registrars act for no force and may have none.
   */
  force?: string;
}

/** A force code as the national register writes it: lowercase words joined by hyphens ("devon-and-cornwall"). */
export const FORCE_CODE = /^[a-z]+(?:-[a-z]+)*$/;

/** What every command carries besides its payload, and every event records in its metadata. */
export interface CommandContext {
  principal: Principal;
  /** Ties together everything one request caused (echoed as x-correlation-id). */
  correlationId: string;
  /** The event or command that caused this one, when there is one. */
  causationId?: string;
  clientIp?: string;
  /** When the ledger received the command: the only clock decide() sees. */
  receivedAt: Date;
  /**
   * Where what is recorded comes from, when it is history entered from the record: a document or
   * a public page with its date, or `illustrative` where the record is silent (the demo marks both).
   */
  provenance?: Provenance;
  /**
   * History entered by a registrar on another's behalf: the principal above is then the person who
   * acted (named by the registrar), `enteredBy` the registrar, `source` the record it comes from.
   * Only such an entry may be dated further back than the back-dating window, or made for someone
   * who has since left office (docs/domain-rules.md, "Back-dating").
   */
  entry?: RegistrarEntry;
}

export interface RegistrarEntry {
  enteredBy: { personId: string; name: string };
  /** The record the act is entered from: a document (with its reference) or a public page with the date it was read. */
  source: string;
}

export interface Provenance {
  source?: string;
  illustrative?: boolean;
}

export interface ActorMetadata {
  actor: { personId: string; name: string };
  role: Role;
  force: string | null;
  correlationId: string;
  causationId: string | null;
  clientIp: string | null;
  [key: string]: unknown;
}

/** The metadata recorded with every event a command appends: who did it, for whom, from where, why. */
export const actorMetadata = (context: CommandContext): ActorMetadata => ({
  actor: { personId: context.principal.personId, name: context.principal.name },
  role: context.principal.role,
  force: context.principal.force ?? null,
  correlationId: context.correlationId,
  causationId: context.causationId ?? null,
  clientIp: context.clientIp ?? null,
  ...(context.provenance ? { provenance: context.provenance } : {}),
  ...(context.entry ? { enteredBy: context.entry.enteredBy, source: context.entry.source } : {}),
});
