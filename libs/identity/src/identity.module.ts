import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard.js';
import { type IdentitySettings, TokenVerifier } from './token-verifier.js';
import { type RateLimits, WriteRateLimiter } from './write-rate-limiter.js';

/** Authentication, the access policy and write rate limits, applied to every route. */
@Module({})
export class IdentityModule {
  static forRoot(settings: IdentitySettings, limits: RateLimits): DynamicModule {
    return {
      module: IdentityModule,
      global: true,
      providers: [
        { provide: TokenVerifier, useFactory: () => TokenVerifier.create(settings) },
        { provide: WriteRateLimiter, useValue: new WriteRateLimiter(limits) },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
