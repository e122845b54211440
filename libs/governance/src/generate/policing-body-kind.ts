import { type PolicingBodyType, forceByCode } from '../reference-data/forces.js';

/**
 * Which kind of policing body a force had on a date: the generator's ONE place for it, so that it
 * can be switched to `policingBodyOn(force, date)` of libs/governance/src/reference-data/
 * policing-bodies.ts (another branch) when that lands.
 *
 * Only dates from 22 November 2012 are answered (PCCs took office then; police authorities before
 * are not modelled here): the generator's histories start in 2013 by default. The changes from a
 * PCC to a mayor or a PFCC below are the public dates as best known here and are to be checked
 * against that module; the generated people are fictitious whatever the kind.
 */
export const PCCS_TOOK_OFFICE = '2012-11-22';

/** A force's change of policing body kind: from `on`, the body is `to`. */
interface KindChange {
  on: string;
  to: PolicingBodyType;
}

const CHANGES: Readonly<Record<string, readonly KindChange[]>> = {
  // MOPAC (the Mayor's Office for Policing and Crime) from 16 January 2012, before any PCC.
  metropolitan: [{ on: '2012-01-16', to: 'mayor' }],
  'greater-manchester': [{ on: '2017-05-08', to: 'mayor' }],
  essex: [{ on: '2017-10-01', to: 'PFCC' }],
  staffordshire: [{ on: '2018-08-01', to: 'PFCC' }],
  'north-yorkshire': [
    { on: '2018-11-15', to: 'PFCC' },
    { on: '2024-05-07', to: 'mayor' },
  ],
  northamptonshire: [{ on: '2019-01-01', to: 'PFCC' }],
  'west-yorkshire': [{ on: '2021-05-10', to: 'mayor' }],
  'south-yorkshire': [{ on: '2024-05-07', to: 'mayor' }],
  cumbria: [{ on: '2024-05-09', to: 'PFCC' }],
};

/** The kind of policing body of `forceCode` on `date` (YYYY-MM-DD, on or after 22 November 2012). */
export function policingBodyKindOn(forceCode: string, date: string): PolicingBodyType {
  if (date < PCCS_TOOK_OFFICE) throw new Error(`policing bodies before ${PCCS_TOOK_OFFICE} (police authorities) are not modelled by the generator: ${date}`);
  const force = forceByCode(forceCode);
  if (!force) throw new Error(`unknown force ${forceCode}`);
  if (force.policingBodyType === 'police-authority') return 'police-authority';
  let kind: PolicingBodyType = 'PCC';
  for (const change of CHANGES[forceCode] ?? []) if (date >= change.on) kind = change.to;
  return kind;
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
