import type { ReactNode } from 'react';
import type { Schemas } from '../api/client';
import { Tag } from './Feedback';

type ProvenanceView = Schemas['ProvenanceView'];
type BackDatingView = Schemas['BackDatingView'];

const URL_PATTERN = /https?:\/\/[^\s;<>"]+[^\s;<>".,:)]/g;

/** Text with every web address in it as a link (opened in a new tab, the ledger's page kept). */
export function LinkedText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(
      <a key={at} href={match[0]} target="_blank" rel="noopener noreferrer external">
        {match[0]}
        <span className="visually-hidden"> (opens in a new tab)</span>
      </a>,
    );
    last = at + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}

/** The provenance metadata the API may also find on a raw event (GET /streams/{id}/events): the same shape as the timeline's. */
export function provenanceOfMetadata(metadata: unknown): ProvenanceView | null {
  const provenance = (metadata as { provenance?: { source?: unknown; illustrative?: unknown } } | null)?.provenance;
  if (!provenance || typeof provenance !== 'object') return null;
  const source = typeof provenance.source === 'string' && provenance.source.trim() ? provenance.source : null;
  if (!source && provenance.illustrative !== true) return null;
  return { source, illustrative: provenance.illustrative === true };
}

/** The back-dating marks of a raw event's metadata (lateByDays, enteredBy, source), as the timeline gives them. */
export function backDatingOfMetadata(metadata: unknown): BackDatingView | null {
  const m = (metadata ?? {}) as { lateByDays?: unknown; enteredBy?: unknown; source?: unknown };
  const lateByDays = typeof m.lateByDays === 'number' ? m.lateByDays : null;
  const by = m.enteredBy as { personId?: unknown; name?: unknown } | null | undefined;
  const enteredBy = typeof by === 'object' && by !== null && typeof by.personId === 'string' && typeof by.name === 'string' ? { personId: by.personId, name: by.name } : null;
  const source = typeof m.source === 'string' ? m.source : null;
  return lateByDays === null && enteredBy === null && source === null ? null : { lateByDays, enteredBy, source };
}

/**
 * Where an event's fact comes from: its source (web addresses as links) or an "Illustrative" badge
 * where the public record is silent; and, for an entry made late, how it was entered. Nothing is
 * invented when the metadata says nothing: "Entered directly" (the person who recorded it is the source).
 */
export function Provenance({ provenance, backDating }: { provenance: ProvenanceView | null | undefined; backDating?: BackDatingView | null }) {
  return (
    <div className="provenance">
      {provenance?.illustrative && (
        <p>
          <Tag tone="purple">Illustrative</Tag> <span className="muted">not from the public record</span>
        </p>
      )}
      {provenance?.source && (
        <p className="provenance-source">
          <span className="muted">Source: </span>
          <LinkedText text={provenance.source} />
        </p>
      )}
      {!provenance && <p className="muted">Entered directly</p>}
      {backDating && <BackDatingMarks marks={backDating} shownSource={provenance?.source ?? null} />}
    </div>
  );
}

/** `shownSource`: the provenance's source, already shown above: not repeated as what it was entered from. */
function BackDatingMarks({ marks, shownSource }: { marks: BackDatingView; shownSource: string | null }) {
  return (
    <ul className="back-dating-marks" aria-label="How this late entry was made">
      {marks.lateByDays !== null && (
        <li>
          Entered {marks.lateByDays} day{marks.lateByDays === 1 ? '' : 's'} after it happened
        </li>
      )}
      {marks.enteredBy !== null && <li>Entered by {marks.enteredBy.name}, a registrar, on behalf of the person it records</li>}
      {marks.source !== null && marks.source !== shownSource && (
        <li>
          Entered from <LinkedText text={marks.source} />
        </li>
      )}
    </ul>
  );
}
