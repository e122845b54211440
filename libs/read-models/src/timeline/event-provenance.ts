import { ApiProperty } from '@nestjs/swagger';

/** A person as event metadata names them. */
export class ActorView {
  @ApiProperty() personId!: string;
  @ApiProperty() name!: string;
}

/**
 * Where an event's fact comes from, as its metadata records it (`metadata.provenance`): a source
 * (a seed document, or a public page with the date it was read) or `illustrative` where the public
 * record is silent (docs/demo-data.md). Null when the metadata says nothing (what people record
 * through the API carries no provenance: they are the source).
 */
export class ProvenanceView {
  @ApiProperty({ type: String, nullable: true, description: 'The document or public page the fact is from (URLs within it as written)' }) source!: string | null;
  @ApiProperty({ description: 'Invented where the public record is silent' }) illustrative!: boolean;
}

/** How an entry made after the event was entered, when its metadata records it; each field null when not recorded. */
export class BackDatingView {
  @ApiProperty({ type: Number, nullable: true, description: 'Whole days between when it happened and when it was entered' }) lateByDays!: number | null;
  @ApiProperty({ type: ActorView, nullable: true, description: 'The registrar who entered it on behalf of the person it records (history older than the back-dating window, or of someone since out of office); null when they entered it themselves' })
  enteredBy!: ActorView | null;
  @ApiProperty({ type: String, nullable: true, description: 'The record a registrar entered it from (a document and its reference, or a public page and the day it was read)' }) source!: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

export function provenanceOf(metadata: Record<string, unknown>): ProvenanceView | null {
  const provenance = metadata.provenance;
  if (typeof provenance !== 'object' || provenance === null) return null;
  const { source, illustrative } = provenance as { source?: unknown; illustrative?: unknown };
  if (text(source) === null && illustrative !== true) return null;
  return { source: text(source), illustrative: illustrative === true };
}

/** The back-dating marks `lateByDays`, `enteredBy` and `source` of an event's metadata; null when it has none of them. */
export function backDatingOf(metadata: Record<string, unknown>): BackDatingView | null {
  const lateByDays = typeof metadata.lateByDays === 'number' && Number.isFinite(metadata.lateByDays) ? metadata.lateByDays : null;
  const by = metadata.enteredBy as { personId?: unknown; name?: unknown } | undefined;
  const enteredBy = typeof by === 'object' && by !== null && text(by.personId) !== null && text(by.name) !== null ? { personId: by.personId as string, name: by.name as string } : null;
  const source = text(metadata.source);
  return lateByDays === null && enteredBy === null && source === null ? null : { lateByDays, enteredBy, source };
}
