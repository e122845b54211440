import { describe, expect, it } from '@jest/globals';
import { FORCES, POLICING_BODIES, POLICING_BODY_KINDS, policingBodiesOf, policingBodyExisted, policingBodyOn } from '#governance';

// Issue 13 item 3, "Who could sign, when": each force's policing bodies with the days from the public
// record (reference-data/policing-bodies.ts cites each). These reproduce real transitions.
const kindOn = (force: string, day: string) => policingBodyOn(force, day)?.kind;

describe('policing bodies over time', () => {
  it('covers the 43 forces, each with an unbroken sequence: every body starts where the one before ended, the last lasts, and each names its source', () => {
    expect(Object.keys(POLICING_BODIES).sort()).toEqual(FORCES.map((f) => f.code).sort());
    for (const [force, bodies] of Object.entries(POLICING_BODIES)) {
      expect(bodies.length).toBeGreaterThan(0);
      expect(bodies[0]!.from).toBeNull();
      expect(bodies.at(-1)!.to).toBeUndefined();
      bodies.slice(1).forEach((body, i) => expect({ force, from: body.from }).toEqual({ force, from: bodies[i]!.to }));
      for (const body of bodies) {
        expect(POLICING_BODY_KINDS).toContain(body.kind);
        expect(body.source.citation.length).toBeGreaterThan(10);
        expect(body.source.readOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(typeof body.source.verified).toBe('boolean');
        if (!body.source.verified) expect(body.source.note).toBeTruthy();
      }
    }
  });

  it('police authorities until 21 November 2012, PCCs from 22 November 2012 (PRSRA 2011 s1; SI 2012/2892)', () => {
    expect(kindOn('kent', '2008-06-01')).toBe('police-authority');
    expect(kindOn('kent', '2012-11-21')).toBe('police-authority');
    expect(kindOn('kent', '2012-11-22')).toBe('pcc');
    expect(policingBodyOn('kent', new Date('2012-11-21T23:59:59Z'))?.kind).toBe('police-authority');
    expect(policingBodyOn('kent', '2012-11-22')).toMatchObject({ name: 'Police and Crime Commissioner for Kent', from: '2012-11-22' });
    expect(policingBodyOn('west-mercia', '2011-06-28')?.name).toBe('West Mercia Police Authority');
    expect(policingBodyExisted('dorset', 'pcc', '2008-06-01')).toBe(false);
    expect(policingBodyExisted('dorset', 'police-authority', '2013-01-01')).toBe(false);
  });

  it('London: the Metropolitan Police Authority until 15 January 2012, MOPAC from 16 January 2012 (PRSRA s3; SI 2011/3019); the City of London’s Common Council throughout', () => {
    expect(policingBodyOn('metropolitan', '2011-12-31')).toMatchObject({ kind: 'police-authority', name: 'Metropolitan Police Authority' });
    expect(policingBodyOn('metropolitan', '2012-01-16')).toMatchObject({ kind: 'mopac', name: "Mayor's Office for Policing and Crime" });
    expect(kindOn('metropolitan', '2012-11-22')).toBe('mopac');
    expect(kindOn('metropolitan', '1999-01-01')).toBe('home-secretary');
    for (const day of ['1990-01-01', '2012-11-22', '2026-11-29']) expect(kindOn('city-of-london', day)).toBe('common-council');
    expect(policingBodiesOf('city-of-london')).toHaveLength(1);
  });

  it('mayors with PCC functions: Greater Manchester from 8 May 2017, West Yorkshire from 10 May 2021, South Yorkshire and York and North Yorkshire from 7 May 2024', () => {
    expect(kindOn('greater-manchester', '2017-05-07')).toBe('pcc');
    expect(kindOn('greater-manchester', '2017-05-08')).toBe('mayor');
    expect(kindOn('west-yorkshire', '2021-05-09')).toBe('pcc');
    expect(kindOn('west-yorkshire', '2021-05-10')).toBe('mayor');
    expect(kindOn('south-yorkshire', '2024-05-06')).toBe('pcc');
    expect(kindOn('south-yorkshire', '2024-05-07')).toBe('mayor');
    expect(policingBodiesOf('north-yorkshire')!.map((b) => b.kind)).toEqual(['police-authority', 'pcc', 'pfcc', 'mayor']);
    expect(policingBodyOn('north-yorkshire', '2024-05-07')?.name).toBe('Mayor of York and North Yorkshire');
  });

  it('police, fire and crime commissioners: Essex 1 October 2017, Staffordshire 1 August 2018, Northamptonshire 1 January 2019, Cumbria 1 April 2023 — and says where a day is not confirmed', () => {
    expect([kindOn('essex', '2017-09-30'), kindOn('essex', '2017-10-01')]).toEqual(['pcc', 'pfcc']);
    expect([kindOn('staffordshire', '2018-07-31'), kindOn('staffordshire', '2018-08-01')]).toEqual(['pcc', 'pfcc']);
    expect([kindOn('northamptonshire', '2018-12-31'), kindOn('northamptonshire', '2019-01-01')]).toEqual(['pcc', 'pfcc']);
    expect([kindOn('cumbria', '2023-03-31'), kindOn('cumbria', '2023-04-01')]).toEqual(['pcc', 'pfcc']);
    expect(policingBodyOn('north-yorkshire', '2018-11-15')).toMatchObject({ kind: 'pfcc', source: { verified: false } });
    // In law the PFCC is the PCC (FRSA 2004 s4A): a PCC may act on; a PFCC did not exist before the order.
    expect(policingBodyOn('essex', '2017-10-01')).toMatchObject({ kind: 'pfcc', continues: 'pcc' });
    expect([policingBodyExisted('essex', 'pcc', '2020-01-01'), policingBodyExisted('essex', 'pfcc', '2017-09-30')]).toEqual([true, false]);
    expect(policingBodyOn('essex', '2017-10-01')!.source).toMatchObject({ verified: true, citation: expect.stringContaining('SI 2017/864') });
  });

  it('matches the register’s current body for every force', () => {
    const kindOf = { PCC: 'pcc', PFCC: 'pfcc', mayor: ['mayor', 'mopac'], 'police-authority': 'common-council' } as const;
    for (const force of FORCES) {
      const expected = kindOf[force.policingBodyType];
      const now = policingBodyOn(force.code, '2026-11-29')!;
      expect({ force: force.code, ok: ([] as string[]).concat(expected).includes(now.kind) }).toEqual({ force: force.code, ok: true });
    }
  });

  it('knows no body for an unknown force', () => {
    expect(policingBodiesOf('atlantis')).toBeUndefined();
    expect(policingBodyOn('atlantis', '2020-01-01')).toBeUndefined();
  });
});
