import { describe, expect, it } from '@jest/globals';
import { FORCES, forceByCode } from '#governance';
import { FORCE_CODE } from '#shared-kernel';

describe('the national register of forces', () => {
  it('holds the 43 territorial forces of England and Wales, each once, with a well-formed code', () => {
    expect(FORCES).toHaveLength(43);
    expect(new Set(FORCES.map((f) => f.code)).size).toBe(43);
    for (const force of FORCES) expect(force.code).toMatch(FORCE_CODE);
    expect(FORCES.filter((f) => f.region === 'Wales').map((f) => f.code).sort()).toEqual(['dyfed-powys', 'gwent', 'north-wales', 'south-wales']);
  });

  it('names each force’s policing body and its kind', () => {
    expect(forceByCode('metropolitan')).toMatchObject({ policingBodyType: 'mayor', policingBody: "Mayor's Office for Policing and Crime" });
    expect(forceByCode('essex')).toMatchObject({ policingBodyType: 'PFCC' });
    expect(forceByCode('city-of-london')).toMatchObject({ policingBodyType: 'police-authority' });
    expect(forceByCode('atlantis')).toBeUndefined();
  });
});
