import type { PolicingBodyType } from '../reference-data/forces.js';
import { PCCS_TOOK_OFFICE, type PolicingBodyKind, policingBodyOn } from '../reference-data/policing-bodies.js';

export { PCCS_TOOK_OFFICE };

/**
 * Which kind of policing body a force had on a date: the generator's one place for it, read from
 * the reference data of the 43 forces' bodies with their days and sources
 * (reference-data/policing-bodies.ts), in the register's vocabulary (forces.ts). MOPAC counts as a
 * mayor's office; the Common Council of the City of London as a police authority; a PFCC is its
 * PCC under another name (so no handover is generated on that day by the office decider's rules,
 * only the name changes).
 *
 * Only dates from 22 November 2012 are answered (PCCs took office then; police authorities before
 * are not generated): the generator's histories start in 2013 by default.
 */
const VOCABULARY: Record<PolicingBodyKind, PolicingBodyType> = {
  'police-authority': 'police-authority',
  'common-council': 'police-authority',
  'home-secretary': 'police-authority',
  mopac: 'mayor',
  mayor: 'mayor',
  pcc: 'PCC',
  pfcc: 'PFCC',
};

/** The kind of policing body of `forceCode` on `date` (YYYY-MM-DD, on or after 22 November 2012). */
export function policingBodyKindOn(forceCode: string, date: string): PolicingBodyType {
  if (date < PCCS_TOOK_OFFICE) throw new Error(`policing bodies before ${PCCS_TOOK_OFFICE} (police authorities) are not modelled by the generator: ${date}`);
  const body = policingBodyOn(forceCode, date);
  if (!body) throw new Error(`no policing body is recorded for ${forceCode} on ${date}`);
  return VOCABULARY[body.kind];
}

/**
 * The days in [from, to) on which the force's policing body changed kind, found by asking
 * policingBodyKindOn day by day (so that it stays the one place to switch).
 */
export function policingBodyKindChanges(forceCode: string, from: string, to: string): Array<{ on: string; from: PolicingBodyType; to: PolicingBodyType }> {
  const changes: Array<{ on: string; from: PolicingBodyType; to: PolicingBodyType }> = [];
  let kind = policingBodyKindOn(forceCode, from);
  for (let t = Date.parse(`${from}T00:00:00Z`) + DAY; t < Date.parse(`${to}T00:00:00Z`); t += DAY) {
    const on = new Date(t).toISOString().slice(0, 10);
    const next = policingBodyKindOn(forceCode, on);
    if (next !== kind) changes.push({ on, from: kind, to: next });
    kind = next;
  }
  return changes;
}

const DAY = 86_400_000;
