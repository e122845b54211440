import { describe, expect, it } from '@jest/globals';
import { WriteRateLimiter } from '#identity';
import type { Principal } from '#shared-kernel';

const person = (id: string): Principal => ({ personId: id, name: id, role: 'chief-officer', force: 'kent' });

describe('write rate limits', () => {
  it('holds back one person past their limit, but not another person', async () => {
    const limiter = new WriteRateLimiter({ perPrincipalPerMinute: 2, perIpPerMinute: 100 });
    await limiter.consume(person('a'), '10.0.0.1');
    await limiter.consume(person('a'), '10.0.0.2');
    await expect(limiter.consume(person('a'), '10.0.0.3')).rejects.toMatchObject({ code: 'TooManyRequests', kind: 'rate-limited' });
    await expect(limiter.consume(person('b'), '10.0.0.1')).resolves.toBeUndefined();
  });

  it('holds back one address past its limit, whoever signs in from it', async () => {
    const limiter = new WriteRateLimiter({ perPrincipalPerMinute: 100, perIpPerMinute: 2 });
    await limiter.consume(person('a'), '192.0.2.7');
    await limiter.consume(person('b'), '192.0.2.7');
    const refusal = await limiter.consume(person('c'), '192.0.2.7').catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'TooManyRequests', details: { retryAfterSeconds: expect.any(Number) } });
    await expect(limiter.consume(person('c'), '192.0.2.8')).resolves.toBeUndefined();
  });
});
