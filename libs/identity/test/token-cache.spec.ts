import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CLOCK_SKEW_SECONDS, DEFAULT_AUDIENCE, LocalIssuer, TokenVerifier, VerifiedTokenCache } from '#identity';
import type { Principal } from '#shared-kernel';

const kent: Principal = { personId: 'cc-kent', name: 'Chief Constable of Kent', role: 'chief-officer', force: 'kent' };
const essex: Principal = { personId: 'cc-essex', name: 'Chief Constable of Essex', role: 'chief-officer', force: 'essex' };

describe('verified tokens are cached by their hash until they expire (issue 16)', () => {
  let dataDir: string;
  let otherDir: string;
  let issuer: LocalIssuer;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'token-cache-'));
    otherDir = await mkdtemp(join(tmpdir(), 'token-cache-other-'));
    issuer = await LocalIssuer.openOrCreate(dataDir);
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(otherDir, { recursive: true, force: true });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('verifies a token once and answers the same principal from the cache after', async () => {
    const verifier = await TokenVerifier.create({ audience: DEFAULT_AUDIENCE, dataDir });
    const token = await issuer.mint(kent);
    expect(await verifier.verify(token)).toEqual(kent);
    expect(verifier.cache!.size).toBe(1);
    expect(await verifier.verify(token)).toEqual(kent);
    expect(verifier.cache!.size).toBe(1);
  });

  it('refuses a cached token once it is past its exp (and jose’s clock skew)', async () => {
    const verifier = await TokenVerifier.create({ audience: DEFAULT_AUDIENCE, dataDir });
    const now = Date.now();
    // Only the clock: jose's WebCrypto work and the promises around it run as usual.
    jest.useFakeTimers({ now, doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    const token = await issuer.mint(kent, { ttlSeconds: 120 });
    expect(await verifier.verify(token)).toEqual(kent);
    expect(verifier.cache!.size).toBe(1);
    jest.setSystemTime(now + (120 + CLOCK_SKEW_SECONDS + 1) * 1000);
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'TokenExpired' });
    expect(verifier.cache!.size).toBe(0);
  });

  it('verifies a different token in full: another signer’s token, or one changed by a byte, is refused though a valid one is cached', async () => {
    const verifier = await TokenVerifier.create({ audience: DEFAULT_AUDIENCE, dataDir });
    const token = await issuer.mint(kent);
    await verifier.verify(token);
    const stranger = await (await LocalIssuer.openOrCreate(otherDir)).mint(kent);
    await expect(verifier.verify(stranger)).rejects.toMatchObject({ code: 'TokenSignatureInvalid' });
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${token.slice(0, -2)}${last}${token.at(-1)}`;
    await expect(verifier.verify(tampered)).rejects.toMatchObject({ code: expect.stringMatching(/^Token(SignatureInvalid|Malformed)$/) });
    expect(await verifier.verify(await issuer.mint(essex))).toEqual(essex);
    expect(verifier.cache!.size).toBe(2);
  });

  it('keeps no refused token', async () => {
    const verifier = await TokenVerifier.create({ audience: DEFAULT_AUDIENCE, dataDir });
    const expired = await issuer.mint(kent, { ttlSeconds: -(CLOCK_SKEW_SECONDS + 5) });
    await expect(verifier.verify(expired)).rejects.toMatchObject({ code: 'TokenExpired' });
    await expect(verifier.verify(expired)).rejects.toMatchObject({ code: 'TokenExpired' });
    expect(verifier.cache!.size).toBe(0);
  });

  it('caches nothing with LEDGER_TOKEN_CACHE=false (tokenCache: false)', async () => {
    const verifier = await TokenVerifier.create({ audience: DEFAULT_AUDIENCE, dataDir, tokenCache: false });
    expect(verifier.cache).toBeUndefined();
    expect(await verifier.verify(await issuer.mint(kent))).toEqual(kent);
  });

  it('is bounded: the least recently used token goes first', () => {
    let now = 1_000_000;
    const cache = new VerifiedTokenCache({ maxEntries: 2, maxAgeSeconds: 300 }, () => now);
    const exp = now / 1000 + 3600;
    cache.set('a', kent, exp);
    cache.set('b', essex, exp);
    expect(cache.get('a')).toEqual(kent); // a is now the most recently used
    cache.set('c', kent, exp);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual(kent);
    expect(cache.get('c')).toEqual(kent);
    now += 1;
  });

  it('trusts an entry no longer than its exp, nor than maxAge after it was verified', () => {
    let now = 1_000_000_000;
    const cache = new VerifiedTokenCache({ maxEntries: 10, maxAgeSeconds: 300 }, () => now);
    cache.set('short', kent, now / 1000 + 10);
    cache.set('long', essex, now / 1000 + 3600);
    now += 10_000;
    expect(cache.get('short')).toBeUndefined(); // at its exp: verified in full again
    expect(cache.get('long')).toEqual(essex);
    now += 290_000;
    expect(cache.get('long')).toBeUndefined(); // 300 s after it was verified
    cache.set('gone', kent, now / 1000 - 1);
    expect(cache.size).toBe(0);
  });
});
