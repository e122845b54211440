import { FORCES, type Force, forceByCode } from './forces.js';

/**
 * Who could sign for a force's policing body, when: each of the 43 forces' policing bodies in order,
 * with the day each took office and the day it ceased, from the public record. Every entry carries
 * its source (a legislation citation and/or a URL, and the day it was read); an entry whose day
 * could not be confirmed from the text read says so (`verified: false`, with a note) — no date here
 * is invented.
 *
 * Days are calendar days (UTC). `from` is the first day the body held the office; `to` is the first
 * day it no longer did (the next body's `from`), absent while it lasts. `from: null` means the body
 * held the office before the period this ledger records (police authorities existed long before any
 * collaboration agreement recorded here; their own beginnings are not dated here).
 *
 * The law, in short:
 * - Police authorities under Police Act 1996 s3 were abolished by the Police Reform and Social
 *   Responsibility Act 2011 (PRSRA) s1(9); a police and crime commissioner for each police area
 *   outside London (PRSRA s1, Sch 1) took office on 22 November 2012 (Part 1 and Schedules 1 and 15
 *   commenced that day by SI 2012/2892 art 2; property, rights and liabilities passed under Sch 15).
 * - The Metropolitan Police Authority (Police Act 1996 s5B, inserted by the Greater London Authority
 *   Act 1999 s310) gave way to the Mayor's Office for Policing and Crime (PRSRA s3, Sch 3) on
 *   16 January 2012 (SI 2011/3019 art 3 and Sch 1(a)). Before the MPA, the Home Secretary was the
 *   police authority for the metropolis.
 * - The City of London: the Common Council of the City of London is the police authority throughout;
 *   PRSRA s1 covers police areas outside London and the City never had a PCC.
 * - Mayors with PCC functions (Local Democracy, Economic Development and Construction Act 2009 s107F):
 *   Greater Manchester from 8 May 2017 (SI 2016/448 art 4; SI 2017/470), West Yorkshire from
 *   10 May 2021 (SI 2021/112 art 34), South Yorkshire from 7 May 2024 (SI 2024/414 art 4), York and
 *   North Yorkshire from 7 May 2024 (SI 2023/1432 art 1(3)). Each order provides that there is to be no
 *   PCC for the area from that day.
 * - Police, fire and crime commissioners: the PCC becomes the fire and rescue authority by an order
 *   under Fire and Rescue Services Act 2004 s4A (inserted by the Policing and Crime Act 2017 s6 and
 *   Sch 1) and "will be known as the Police, Fire and Crime Commissioner" (SI 2017/864, explanatory
 *   note). In law the policing body is still the PCC: the PFCC entry `continues` the PCC, so a holder
 *   recorded in the PCC may still act after the order (no PCC was abolished), while a PFCC named
 *   before the order is refused. A registrar may record the new style by a handover to the same
 *   person (the demo does).
 */
export const POLICING_BODY_KINDS = ['police-authority', 'home-secretary', 'mopac', 'common-council', 'pcc', 'pfcc', 'mayor'] as const;
export type PolicingBodyKind = (typeof POLICING_BODY_KINDS)[number];

export interface PolicingBodySource {
  /** The statute or order, with the provision, where there is one. */
  citation: string;
  /** Where it was read. */
  url?: string;
  /** The day the source was read (YYYY-MM-DD). */
  readOn: string;
  /** Whether the days of this entry were confirmed from the source's text. */
  verified: boolean;
  note?: string;
}

export interface PolicingBody {
  kind: PolicingBodyKind;
  name: string;
  /** First day in office (YYYY-MM-DD), or null: before the period the ledger records. */
  from: string | null;
  /** First day no longer in office (YYYY-MM-DD); absent while the body holds the office. */
  to?: string;
  /** The body this one continues in law under another style (a PFCC is the PCC): a holder recorded in it may still act. */
  continues?: PolicingBodyKind;
  source: PolicingBodySource;
}

const READ_ON = '2026-11-29';

/** The days of the transitions, each from its source below. */
export const PCCS_TOOK_OFFICE = '2012-11-22';
export const MOPAC_ESTABLISHED = '2012-01-16';

const S = {
  policeAuthority: {
    citation: 'Police Act 1996 s3 and Sch 2 (police authorities); abolished by the Police Reform and Social Responsibility Act 2011 s1(9) from 22 November 2012 (SI 2012/2892 art 2(a))',
    url: 'https://www.legislation.gov.uk/ukpga/2011/13/notes/division/2/1/1/1; https://www.legislation.gov.uk/uksi/2012/2892/made',
    readOn: READ_ON,
    verified: true,
    note: 'The end day is confirmed; the authority’s own beginning is before the period this ledger records and is not dated here.',
  },
  pcc: {
    citation: 'Police Reform and Social Responsibility Act 2011 s1 and Sch 1; Part 1 and Schedules 1 and 15 in force 22 November 2012 (SI 2012/2892 art 2)',
    url: 'https://www.legislation.gov.uk/uksi/2012/2892/made',
    readOn: READ_ON,
    verified: true,
  },
  metHomeSecretary: {
    citation: 'Before the Greater London Authority Act 1999 s310 (Police Act 1996 s5B), the Secretary of State was the police authority for the metropolitan police district',
    url: 'https://en.wikipedia.org/wiki/Metropolitan_Police_Authority',
    readOn: READ_ON,
    verified: false,
    note: 'The record read says only that control of the Metropolitan Police had vested in the Home Secretary before the MPA (2000); the day the MPA took over is not confirmed (see the MPA entry).',
  },
  mpa: {
    citation: 'Police Act 1996 s5B, inserted by the Greater London Authority Act 1999 s310; abolished and replaced by MOPAC, PRSRA 2011 s3, from 16 January 2012 (SI 2011/3019 art 3, Sch 1(a))',
    url: 'http://policeauthority.org/metropolitan/publications/factsheets/index.html; https://www.legislation.gov.uk/uksi/2011/3019/made',
    readOn: READ_ON,
    verified: false,
    note: 'The end (16 January 2012) is confirmed. The start is given by the MPA’s own factsheet only as “July 2000”; 3 July 2000 (when the Greater London Authority took office) is not confirmed from the text read.',
  },
  mopac: {
    citation: 'Police Reform and Social Responsibility Act 2011 s3 and Sch 3 (Mayor’s Office for Policing and Crime), in force 16 January 2012 (SI 2011/3019 art 3, Sch 1(a))',
    url: 'https://www.legislation.gov.uk/uksi/2011/3019/made',
    readOn: READ_ON,
    verified: true,
  },
  cityOfLondon: {
    citation: 'City of London Police Act 1839; Police Act 1996 s101(1) (“police authority” for the City of London police area: the Common Council); PRSRA 2011 s1 applies to police areas outside London, so the City has no PCC',
    url: 'https://www.legislation.gov.uk/ukpga/2011/13/notes/division/2/1/1/1',
    readOn: READ_ON,
    verified: false,
    note: 'That the Common Council remains the police authority throughout is the brief’s statement and PRSRA s1’s scope (outside London); s101 of the 1996 Act was not read in full here.',
  },
  gmMayor: {
    citation: 'Greater Manchester Combined Authority (Election of Mayor with Police and Crime Commissioner Functions) Order 2016, SI 2016/448 art 4 (no PCC for the area from 8 May 2017); SI 2017/470 (transfer, in force 8 May 2017)',
    url: 'https://www.legislation.gov.uk/uksi/2016/448/note/made/data.html; https://legislation.gov.uk/uksi/2017/470/body',
    readOn: READ_ON,
    verified: true,
  },
  wyMayor: {
    citation: 'West Yorkshire Combined Authority (Election of Mayor and Functions) Order 2021, SI 2021/112 art 34 (the Mayor exercises PCC functions; no PCC for the area from 10 May 2021)',
    url: 'https://www.legislation.gov.uk/uksi/2021/112/part/10/made',
    readOn: READ_ON,
    verified: true,
  },
  syMayor: {
    citation: 'South Yorkshire Mayoral Combined Authority (Election of Mayor and Transfer of Police and Crime Commissioner Functions) Order 2024, SI 2024/414 art 4 (no PCC for the area from 7 May 2024)',
    url: 'https://legislation.gov.uk/uksi/2024/414/body/made',
    readOn: READ_ON,
    verified: true,
  },
  ynyMayor: {
    citation: 'York and North Yorkshire Combined Authority Order 2023, SI 2023/1432 art 1(3) (articles 27, 41(1) and 42–44 in force 7 May 2024: the PFCC’s police and fire functions pass to the Mayor)',
    url: 'https://legislation.gov.uk/uksi/2023/1432/part/1; https://www.northyorkshire-pfcc.gov.uk/news/order-laid-before-parliament-for-the-new-york-and-north-yorkshire-combined-authority/',
    readOn: READ_ON,
    verified: true,
    note: 'The day (7 May 2024) is confirmed from art 1(3); that art 27 is the PCC-functions article is from the PFCC’s own summary, not from art 27’s text.',
  },
  essexPfcc: {
    citation: 'Police, Fire and Crime Commissioner for Essex (Fire and Rescue Authority) Order 2017, SI 2017/864 art 1 (in force 1 October 2017); Fire and Rescue Services Act 2004 s4A (Policing and Crime Act 2017 s6, Sch 1)',
    url: 'https://www.legislation.gov.uk/uksi/2017/864/made',
    readOn: READ_ON,
    verified: true,
  },
  staffordshirePfcc: {
    citation: 'Police, Fire and Crime Commissioner for Staffordshire (Fire and Rescue Authority) Order 2018, SI 2018/696 art 1 (in force 1 August 2018)',
    url: 'https://beta.bailii.org/uk/legis/num_reg/2018/uksi_2018696_en_1.html; https://www.staffordshire-pcc.gov.uk/fire-rescue/',
    readOn: READ_ON,
    verified: true,
    note: 'Styled locally “Staffordshire Commissioner for Police, Fire and Rescue and Crime”.',
  },
  northYorkshirePfcc: {
    citation: 'Police, Fire and Crime Commissioner for North Yorkshire (Fire and Rescue Authority) Order 2018, SI 2018/970',
    url: 'https://votes.parliament.uk/Votes/Lords/Division/2174',
    readOn: READ_ON,
    verified: false,
    note: 'The order’s number is confirmed; its coming-into-force day (15 November 2018, as given in issue 13) was not found in the text read.',
  },
  northamptonshirePfcc: {
    citation: 'Police, Fire and Crime Commissioner for Northamptonshire (Fire and Rescue Authority) Order 2018, SI 2018/1072 art 1 (in force 1 January 2019)',
    url: 'https://www.legislation.gov.uk/uksi/2018/1072/part/1/made',
    readOn: READ_ON,
    verified: true,
  },
  cumbriaPfcc: {
    citation: 'Fire and Rescue Services Act 2004 s4A order (Cumbria), with the abolition of Cumbria County Council on 1 April 2023',
    url: 'https://cumbria-pfcc.gov.uk/what-we-do/fire-governance; https://candofm.co.uk/news/pcc-officially-takes-on-governance-responsibility-for-cumbria-fire-and-rescue-service',
    readOn: READ_ON,
    verified: true,
    note: 'The PFCC’s own page: “On 1st April 2023, the Police & Crime Commissioner legally became Cumbria’s Police, Fire and Crime Commissioner” (the fifth, after Essex, Northamptonshire, Staffordshire and North Yorkshire). Issue 13 said 2021: the record says 1 April 2023. The order’s SI number was not found.',
  },
} satisfies Record<string, PolicingBodySource>;

/** The police authority's name, where it is not "<area> Police Authority" from the force's name. */
const AUTHORITY_NAMES: Record<string, string> = {
  'hampshire-and-isle-of-wight': 'Hampshire Police Authority',
};
const areaOf = (force: Force) => force.name.replace(/ (Police Service|Police|Constabulary)$/, '');
const authorityName = (force: Force) => AUTHORITY_NAMES[force.code] ?? `${areaOf(force)} Police Authority`;
const pccName = (force: Force) => (force.policingBodyType === 'PCC' ? force.policingBody : `Police and Crime Commissioner for ${areaOf(force)}`);

const authority = (force: Force): PolicingBody => ({ kind: 'police-authority', name: authorityName(force), from: null, to: PCCS_TOOK_OFFICE, source: S.policeAuthority });
const pcc = (force: Force, to?: string): PolicingBody => ({ kind: 'pcc', name: pccName(force), from: PCCS_TOOK_OFFICE, ...(to ? { to } : {}), source: S.pcc });

/** Forces whose sequence is more than a police authority then a PCC. */
function sequenceOf(force: Force): PolicingBody[] {
  switch (force.code) {
    case 'city-of-london':
      return [{ kind: 'common-council', name: 'Common Council of the City of London (police authority)', from: null, source: S.cityOfLondon }];
    case 'metropolitan':
      return [
        { kind: 'home-secretary', name: 'Secretary of State for the Home Department (police authority for the metropolis)', from: null, to: '2000-07-03', source: S.metHomeSecretary },
        { kind: 'police-authority', name: 'Metropolitan Police Authority', from: '2000-07-03', to: MOPAC_ESTABLISHED, source: S.mpa },
        { kind: 'mopac', name: "Mayor's Office for Policing and Crime", from: MOPAC_ESTABLISHED, source: S.mopac },
      ];
    case 'greater-manchester':
      return [authority(force), pcc(force, '2017-05-08'), { kind: 'mayor', name: 'Mayor of Greater Manchester', from: '2017-05-08', source: S.gmMayor }];
    case 'west-yorkshire':
      return [authority(force), pcc(force, '2021-05-10'), { kind: 'mayor', name: 'Mayor of West Yorkshire', from: '2021-05-10', source: S.wyMayor }];
    case 'south-yorkshire':
      return [authority(force), pcc(force, '2024-05-07'), { kind: 'mayor', name: 'Mayor of South Yorkshire', from: '2024-05-07', source: S.syMayor }];
    case 'north-yorkshire':
      return [
        authority(force),
        pcc(force, '2018-11-15'),
        { kind: 'pfcc', name: 'Police, Fire and Crime Commissioner for North Yorkshire', from: '2018-11-15', to: '2024-05-07', continues: 'pcc', source: S.northYorkshirePfcc },
        { kind: 'mayor', name: 'Mayor of York and North Yorkshire', from: '2024-05-07', source: S.ynyMayor },
      ];
    case 'essex':
      return [authority(force), pcc(force, '2017-10-01'), { kind: 'pfcc', name: force.policingBody, from: '2017-10-01', continues: 'pcc', source: S.essexPfcc }];
    case 'staffordshire':
      return [authority(force), pcc(force, '2018-08-01'), { kind: 'pfcc', name: force.policingBody, from: '2018-08-01', continues: 'pcc', source: S.staffordshirePfcc }];
    case 'northamptonshire':
      return [authority(force), pcc(force, '2019-01-01'), { kind: 'pfcc', name: force.policingBody, from: '2019-01-01', continues: 'pcc', source: S.northamptonshirePfcc }];
    case 'cumbria':
      return [authority(force), pcc(force, '2023-04-01'), { kind: 'pfcc', name: force.policingBody, from: '2023-04-01', continues: 'pcc', source: S.cumbriaPfcc }];
    default:
      return [authority(force), pcc(force)];
  }
}

/** Every force's policing bodies, in order. */
export const POLICING_BODIES: Readonly<Record<string, readonly PolicingBody[]>> = Object.freeze(Object.fromEntries(FORCES.map((force) => [force.code, Object.freeze(sequenceOf(force))])));

/** A force's policing bodies in order, or undefined for an unknown force. */
export const policingBodiesOf = (forceCode: string): readonly PolicingBody[] | undefined => (forceByCode(forceCode) ? POLICING_BODIES[forceCode] : undefined);

const dayOf = (date: Date | string) => (typeof date === 'string' ? date.slice(0, 10) : date.toISOString().slice(0, 10));

/** Whether the body held the office on that day: from its first day, up to (not including) its `to`. */
export const heldOfficeOn = (body: PolicingBody, date: Date | string) => {
  const day = dayOf(date);
  return (body.from === null || body.from <= day) && (body.to === undefined || day < body.to);
};

/** The force's policing body on that day (UTC), or undefined for an unknown force. */
export const policingBodyOn = (forceCode: string, date: Date | string): PolicingBody | undefined => policingBodiesOf(forceCode)?.find((body) => heldOfficeOn(body, date));

/** Whether a body of that kind was the force's policing body on that day (or the body it continues in law: a PCC styled PFCC). */
export const policingBodyExisted = (forceCode: string, kind: PolicingBodyKind, date: Date | string): boolean => {
  const then = policingBodyOn(forceCode, date);
  return then !== undefined && (then.kind === kind || then.continues === kind);
};
