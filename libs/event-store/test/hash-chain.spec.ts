import { describe, expect, it } from '@jest/globals';
import { GENESIS_HASH, canonicalContent, chainLink, contentDigest } from '#event-store';

// The worked example of docs/integrity.md: if this fails, the format changed and the page must too.
describe('the ledger-event-v1 hash format', () => {
  const event = {
    eventId: '0b9f3c1e-8a4d-4e2b-9c7a-5d6e7f809a1b',
    type: 'AgreementSigned',
    schemaVersion: 1,
    occurredAt: new Date('2015-04-01T09:30:00.000Z'),
    data: { partyForce: 'kent', signatoryRole: 'chief-officer', note: 'Signed at Maidstone — Gŵyl', contribution: 1250000.5 },
    metadata: { actor: 'person-17', role: 'chief-officer', force: 'kent' },
  };

  it('canonicalises content with RFC 8785', () => {
    expect(canonicalContent(event)).toBe(
      '{"data":{"contribution":1250000.5,"note":"Signed at Maidstone — Gŵyl","partyForce":"kent","signatoryRole":"chief-officer"},' +
        '"eventId":"0b9f3c1e-8a4d-4e2b-9c7a-5d6e7f809a1b","metadata":{"actor":"person-17","force":"kent","role":"chief-officer"},' +
        '"occurredAt":"2015-04-01T09:30:00.000Z","schemaVersion":1,"type":"AgreementSigned"}',
    );
  });

  it('digests the content and links it to the previous hash as documented', () => {
    const digest = contentDigest(event);
    expect(digest).toBe('b1fc3397d665a88a1e88ae328bd6ab4971b35c88be162c1abc74e01f38e4f527');
    expect(chainLink(GENESIS_HASH, 'collaboration-7f-alliance', 1, new Date('2026-11-23T10:15:42.123Z'), digest)).toBe(
      '4831536ab7a1f246efdf7706c47cd8a87716f7c34df38fe1ecf36a762dcda758',
    );
  });

  it('gives a different link for any other version, stream, time or predecessor', () => {
    const digest = contentDigest(event);
    const at = new Date('2026-11-23T10:15:42.123Z');
    const base = chainLink(GENESIS_HASH, 'collaboration-7f-alliance', 1, at, digest);
    expect(chainLink(GENESIS_HASH, 'collaboration-7f-alliance', 2, at, digest)).not.toBe(base);
    expect(chainLink(GENESIS_HASH, 'collaboration-other', 1, at, digest)).not.toBe(base);
    expect(chainLink(GENESIS_HASH, 'collaboration-7f-alliance', 1, new Date(at.getTime() + 1), digest)).not.toBe(base);
    expect(chainLink('f'.repeat(64), 'collaboration-7f-alliance', 1, at, digest)).not.toBe(base);
  });
});
