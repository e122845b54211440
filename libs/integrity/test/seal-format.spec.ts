import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  ZERO_HASH,
  accessDigest,
  accessLeafHash,
  eventLeafHash,
  eventLeafInput,
  keyIdOf,
  rawPublicKey,
  rootFromLeafHashes,
  sealLinkProblem,
  sealProblem,
  signSeal,
} from '#integrity';

/**
 * The worked example of docs/integrity.md ("Seals"): if this fails, the format changed and the page
 * must too. The key is RFC 8032's first Ed25519 test key, so the signature is reproducible anywhere.
 */
const EVENT_HASH = '4831536ab7a1f246efdf7706c47cd8a87716f7c34df38fe1ecf36a762dcda758'; // docs/integrity.md's event
const rfc8032 = createPrivateKey({
  key: { kty: 'OKP', crv: 'Ed25519', d: Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex').toString('base64url'), x: Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex').toString('base64url') },
  format: 'jwk',
});
const entry = {
  id: 1,
  accessedAt: '2026-11-23T10:20:00.000Z',
  personId: 'person-17',
  role: 'auditor',
  force: null,
  collaborationId: '6f1c2a5e-3b7d-4f0e-9a1b-2c3d4e5f6a7b',
  resource: 'GET /collaborations/6f1c2a5e-3b7d-4f0e-9a1b-2c3d4e5f6a7b/timeline',
  route: '/collaborations/:collaborationId/timeline',
  correlationId: 'req-1',
  clientIp: '10.0.0.7',
};

describe('the seal formats, as docs/integrity.md specifies them', () => {
  it('makes an event’s leaf from its hash (ledger-leaf-v1)', () => {
    expect(eventLeafInput(EVENT_HASH)).toBe(`ledger-leaf-v1\nevent\n${EVENT_HASH}`);
    expect(eventLeafHash(EVENT_HASH).toString('hex')).toBe('59c9a8968961fd0cafe38a1b874f632a754fbdc106648a7d5189761b5554b357');
  });

  it('makes a read-access entry’s leaf from its RFC 8785 digest', () => {
    expect(accessDigest(entry)).toBe('b20a579e8823ffc42edda067fa4ad8829afdaa606e54d0e2c85e33df638a6207');
    expect(accessLeafHash(entry).toString('hex')).toBe('1d12d8fa66a1016bedbc12ef8d69f904dc4b63236ee72cef4eecbef2a108305e');
    expect(rootFromLeafHashes([eventLeafHash(EVENT_HASH), accessLeafHash(entry)]).toString('hex')).toBe('13e35d8d0c9488715732e2c05a39be8c3a6c294a762c79972964f7f84544b626');
  });

  it('signs the nine-line statement with Ed25519, reproducibly', () => {
    const seal = signSeal(
      { seq: 1, treeSize: 1, eventCount: 1, accessCount: 0, rootHash: eventLeafHash(EVENT_HASH).toString('hex'), previousSealHash: ZERO_HASH, sealedAt: '2026-11-23T10:16:00.000Z', keyId: keyIdOf(rawPublicKey(rfc8032)) },
      rfc8032,
    );
    expect(seal).toMatchObject({
      keyId: '21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9',
      statement: `ledger-seal-v1\n1\n1\n1\n0\n59c9a8968961fd0cafe38a1b874f632a754fbdc106648a7d5189761b5554b357\n${ZERO_HASH}\n2026-11-23T10:16:00.000Z\n21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9`,
      sealHash: '8bb7ce12a4f5faf571f578205c18834ba9c34bdc22c79962568ce8f9f06870e2',
      signature: 'bvRegRqRjDXZZYMQW8o+f7Io71vbJuGVJzD4KE60xvY8ep8P1o7lfbtxeob3veGYCR1ry3GATRQLY5XZM0GrBw==',
      publicKey: '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=',
    });
    expect(sealProblem(seal)).toBeUndefined();
  });

  it('refuses a seal whose field, statement, hash, key or signature was changed, or that a key you do not trust signed', () => {
    const seal = signSeal({ seq: 2, treeSize: 5, eventCount: 4, accessCount: 1, rootHash: 'ab'.repeat(32), previousSealHash: ZERO_HASH, sealedAt: '2026-11-23T10:16:00.000Z', keyId: keyIdOf(rawPublicKey(rfc8032)) }, rfc8032);
    const other = generateKeyPairSync('ed25519').privateKey;
    const forged = signSeal({ ...seal, keyId: keyIdOf(rawPublicKey(other)) }, other);
    expect([
      sealProblem({ ...seal, rootHash: 'cd'.repeat(32) }),
      sealProblem({ ...seal, statement: seal.statement.replace('\n5\n', '\n6\n') }),
      sealProblem({ ...seal, sealHash: 'ef'.repeat(32) }),
      sealProblem({ ...seal, publicKey: forged.publicKey }),
      sealProblem({ ...seal, signature: forged.signature }),
      sealProblem({ ...seal, treeSize: 6, statement: seal.statement }),
      sealProblem(forged, new Set([seal.keyId])),
    ]).toEqual([
      expect.stringMatching(/statement is not the statement of its fields/),
      expect.stringMatching(/statement is not the statement of its fields/),
      expect.stringMatching(/sealHash is not the SHA-256/),
      expect.stringMatching(/public key is not the key its keyId names/),
      expect.stringMatching(/signature does not verify/),
      expect.stringMatching(/sizes do not add up/),
      expect.stringMatching(/not a key you trust/),
    ]);
  });

  it('chains seals: numbered without a gap, each naming the one before, each tree larger', () => {
    const first = signSeal({ seq: 1, treeSize: 3, eventCount: 3, accessCount: 0, rootHash: 'ab'.repeat(32), previousSealHash: ZERO_HASH, sealedAt: '2026-11-23T10:16:00.000Z', keyId: keyIdOf(rawPublicKey(rfc8032)) }, rfc8032);
    const next = signSeal({ ...first, seq: 2, treeSize: 4, eventCount: 4, previousSealHash: first.sealHash }, rfc8032);
    expect(sealLinkProblem(undefined, first)).toBeUndefined();
    expect(sealLinkProblem(first, next)).toBeUndefined();
    expect(sealLinkProblem(first, { ...next, previousSealHash: ZERO_HASH })).toMatch(/names 000000000000… as its previous seal/);
    expect(sealLinkProblem(first, { ...next, seq: 3 })).toMatch(/without a gap/);
    expect(sealLinkProblem(first, { ...next, treeSize: 3 })).toMatch(/does not extend/);
    expect(sealLinkProblem(undefined, next)).toMatch(/first seal must be seq 1/);
  });
});
