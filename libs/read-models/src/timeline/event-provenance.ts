import { ApiProperty } from '@nestjs/swagger';

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
  @ApiProperty({ type: String, nullable: true, description: 'Who entered it, when not the person it records' }) enteredBy!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'What it was entered from (a minute, a letter, a register)' }) source!: string | null;
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
  const by = metadata.enteredBy;
  const enteredBy = text(by) ?? (typeof by === 'object' && by !== null ? text((by as { name?: unknown }).name) : null);
  const source = text(metadata.source);
  return lateByDays === null && enteredBy === null && source === null ? null : { lateByDays, enteredBy, source };
}
