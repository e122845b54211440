/**
 * National bodies a recommendation may be addressed to besides a force (HMICFRS addresses many of
 * its recommendations to them: The Hard Yards, 21 July 2020, to the NPCC, the College of Policing
 * and the Home Office). Reference data: codes are stable, never force codes. `from` is the day the
 * body came into being where the public record gives it; a recommendation to it dated earlier is
 * refused. Acts on a recommendation addressed to a national body are recorded by a registrar (the
 * keeper of the national register): no force's officers act for it (docs/domain-rules.md).
 */
export interface NationalBody {
  code: string;
  name: string;
  /** The first day it existed, when the public record says; null when it predates the ledger's history. */
  from: string | null;
  source: string;
}

export const NATIONAL_BODIES: readonly NationalBody[] = [
  {
    code: 'npcc',
    name: "National Police Chiefs' Council",
    from: '2015-04-01',
    source: 'https://www.npcc.police.uk/About/History.aspx ("formed on April 1 2015", replacing ACPO)',
  },
  {
    code: 'college-of-policing',
    name: 'College of Policing',
    // Established in December 2012 (day not found), launched 4 February 2013: no day is enforced.
    from: null,
    source: 'http://www.college.police.uk/About/Pages/default.aspx ("established in 2012")',
  },
  { code: 'home-office', name: 'Home Office', from: null, source: 'The government department responsible for policing in England and Wales' },
  {
    code: 'apcc',
    name: 'Association of Police and Crime Commissioners',
    // Formed when PCCs took office (22 November 2012); its exact founding day is not confirmed: none enforced.
    from: null,
    source: 'The national body of police and crime commissioners (formed after the PCCs took office in November 2012)',
  },
];

export const NATIONAL_BODY_CODES = NATIONAL_BODIES.map((b) => b.code);

export const nationalBodyByCode = (code: string): NationalBody | undefined => NATIONAL_BODIES.find((b) => b.code === code);

/**
 * Police Act 1996 s55(5A) (inserted by the Policing and Crime Act 2017 s37(2), in force 2 May 2017,
 * SI 2017/399 reg 4(a)): the local policing body's comments, the chief officer's comments and its
 * response "must be published before the end of the period of 56 days beginning with the day on
 * which the report is published". Day 1 is the publication day, so the last day is publication + 55
 * days (published 2020-07-21: by 2020-09-14). Before 2 May 2017 no statutory deadline applied: null.
 */
export const S55_DEADLINE_IN_FORCE_FROM = '2017-05-02';
export const S55_DAYS = 56;

export function s55ResponseDeadline(reportPublishedOn: string): string | null {
  if (reportPublishedOn < S55_DEADLINE_IN_FORCE_FROM) return null;
  const published = new Date(`${reportPublishedOn}T00:00:00Z`);
  return new Date(published.getTime() + (S55_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
}
