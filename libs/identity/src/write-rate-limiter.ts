import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { LedgerError, type Principal } from '#shared-kernel';

/** The limits, from RATE_LIMIT_WRITES_PER_PRINCIPAL and RATE_LIMIT_WRITES_PER_IP (read and checked by #config). */
export interface RateLimits {
  /** Writes a minute one person may make (default 120). */
  perPrincipalPerMinute: number;
  /** Writes a minute one client address may make (default 600). */
  perIpPerMinute: number;
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
