import { describe, expect, it } from '@jest/globals';
import { backDatingOf, provenanceOf } from '../src/timeline/event-provenance.js';

describe('an event’s provenance and back-dating marks, as the timeline and the events behind a figure give them', () => {
  it('gives the source, or illustrative, and null when the metadata says neither', () => {
    expect(provenanceOf({ provenance: { source: 'Essex PCC, 25 February 2016: https://example.org/a' } })).toEqual({ source: 'Essex PCC, 25 February 2016: https://example.org/a', illustrative: false });
    expect(provenanceOf({ provenance: { illustrative: true } })).toEqual({ source: null, illustrative: true });
    expect(provenanceOf({ actor: { personId: 'p', name: 'P' } })).toBeNull();
    expect(provenanceOf({ provenance: { source: '  ', illustrative: false } })).toBeNull();
    expect(provenanceOf({ provenance: 'not an object' })).toBeNull();
  });

  it('gives the marks of a late entry that are recorded, each null when absent, and null when there are none', () => {
    expect(backDatingOf({ lateByDays: 12, enteredBy: { personId: 'r', name: 'National registrar' }, source: 'Minutes of 3 May 2016' })).toEqual({ lateByDays: 12, enteredBy: { personId: 'r', name: 'National registrar' }, source: 'Minutes of 3 May 2016' });
    // The ledger records who entered it as a person (metadata.enteredBy: personId and name); anything else is not shown as one.
    expect(backDatingOf({ enteredBy: 'Clerk to the panel', source: 'Minutes' })).toEqual({ lateByDays: null, enteredBy: null, source: 'Minutes' });
    expect(backDatingOf({ backDated: true, provenance: { illustrative: true } })).toBeNull();
    expect(backDatingOf({ lateByDays: 'twelve' })).toBeNull();
  });
});
