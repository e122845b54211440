import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { LedgerError, type Principal } from '#shared-kernel';

export interface RateLimits {
  /** Writes a minute one person may make (default 120). */
  perPrincipalPerMinute: number;
  /** Writes a minute one client address may make (default 600). */
  perIpPerMinute: number;
}

export function rateLimitsFromEnv(env: NodeJS.ProcessEnv): RateLimits {
  const read = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed) || parsed < 1) throw new Error(`${name} must be a whole number of at least 1, not "${value}"`);
    return parsed;
  };
  return {
    perPrincipalPerMinute: read('RATE_LIMIT_WRITES_PER_PRINCIPAL', 120),
    perIpPerMinute: read('RATE_LIMIT_WRITES_PER_IP', 600),
  };
}

/** Limits writes per person and per client address (rate-limiter-flexible, in memory, per process). */
export class WriteRateLimiter {
  private readonly perPrincipal: RateLimiterMemory;
  private readonly perIp: RateLimiterMemory;

  constructor(limits: RateLimits) {
    this.perPrincipal = new RateLimiterMemory({ keyPrefix: 'principal', points: limits.perPrincipalPerMinute, duration: 60 });
    this.perIp = new RateLimiterMemory({ keyPrefix: 'ip', points: limits.perIpPerMinute, duration: 60 });
  }

  async consume(principal: Principal, ip: string): Promise<void> {
    try {
      await this.perIp.consume(ip);
      await this.perPrincipal.consume(principal.personId);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new LedgerError('TooManyRequests', 'rate-limited', `Too many changes in a minute; try again in ${retryAfterSeconds} s. Nothing was written.`, {
        retryAfterSeconds,
      });
    }
  }
}
