import { hash } from 'node:crypto';
import { type JWK, type JWTPayload, createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { FORCE_CODE, LedgerError, type Principal, isRole } from '#shared-kernel';
import { LOCAL_ISSUER, LocalIssuer } from './local-issuer.js';

/** From OIDC_ISSUER, OIDC_JWKS_URL, OIDC_AUDIENCE and LEDGER_DATA_DIR (read and checked by #config). */
export interface IdentitySettings {
  /** OIDC issuer URL; unset: the local issuer in the data directory. */
  issuer?: string;
  /** The issuer's JWKS URL (required with `issuer`). */
  jwksUrl?: string;
  audience: string;
  dataDir: string;
  /** The longest lifetime (exp − iat) a token may have; default 24 hours (TOKEN_MAX_LIFETIME_HOURS). */
  maxLifetimeSeconds?: number;
  /** The force codes a token's force claim may name (the national register's 43); unset: any well-formed code. */
  knownForces?: readonly string[];
  /** The web app's public client id at the OIDC provider (authorization code with PKCE); only with `issuer`. */
  clientId?: string;
  /**
   * Keep verified tokens, by their SHA-256, until they expire (LEDGER_TOKEN_CACHE, default on):
   * a client that sends the same token on every request pays the Ed25519 check once. false: verify
   * every request.
   */
  tokenCache?: boolean | Partial<TokenCacheLimits>;
}

export interface TokenCacheLimits {
  /** The most tokens kept; the least recently used goes first (default 10,000). */
  maxEntries: number;
  /**
   * The longest a verified token is trusted without checking it again, whatever its exp (default
   * 300 s): a key the issuer withdraws from its JWKS stops being honoured within this time, sooner
   * than jose's own remote key set cache (10 minutes) would notice.
   */
  maxAgeSeconds: number;
}

export const DEFAULT_TOKEN_CACHE_LIMITS: TokenCacheLimits = { maxEntries: 10_000, maxAgeSeconds: 300 };

interface CachedToken {
  principal: Principal;
  /** Milliseconds since the epoch after which the entry is not used: min(exp, verified + maxAge). */
  until: number;
}

/**
 * Verified tokens by the SHA-256 of the token (never the token itself), least recently used first.
 * An entry is used only strictly before its token's exp (jose would still accept a minute of clock
 * skew past it: that minute is left to jose, which verifies in full again) and before maxAge.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, CachedToken>();

  constructor(
    readonly limits: TokenCacheLimits = DEFAULT_TOKEN_CACHE_LIMITS,
    private readonly now: () => number = () => Date.now(),
  ) {}

  static keyOf(token: string): string {
    return hash('sha256', token, 'base64url');
  }

  get(key: string): Principal | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.now() >= entry.until) return undefined;
    this.entries.set(key, entry); // most recently used last
    return entry.principal;
  }

  set(key: string, principal: Principal, expSeconds: number): void {
    const until = Math.min(expSeconds * 1000, this.now() + this.limits.maxAgeSeconds * 1000);
    if (until <= this.now()) return;
    this.entries.delete(key);
    this.entries.set(key, { principal: Object.freeze({ ...principal }), until });
    while (this.entries.size > this.limits.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Clocks of issuers and ledger may differ this much. */
export const CLOCK_SKEW_SECONDS = 60;
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

/** Verifies bearer tokens (jose) and turns their claims into a Principal, or says exactly why not. */
export class TokenVerifier {
  /** Undefined when LEDGER_TOKEN_CACHE=false. */
  readonly cache: VerifiedTokenCache | undefined;

  private constructor(
    private readonly keys: Parameters<typeof jwtVerify>[1],
    private readonly issuer: string,
    private readonly settings: IdentitySettings,
    readonly localIssuer?: LocalIssuer,
  ) {
    const cache = settings.tokenCache ?? true;
    this.cache = cache === false ? undefined : new VerifiedTokenCache({ ...DEFAULT_TOKEN_CACHE_LIMITS, ...(cache === true ? {} : cache) });
  }

  static async create(settings: IdentitySettings): Promise<TokenVerifier> {
    if (settings.issuer && settings.jwksUrl) {
      return new TokenVerifier(createRemoteJWKSet(new URL(settings.jwksUrl)), settings.issuer, settings);
    }
    const local = await LocalIssuer.openOrCreate(settings.dataDir);
    return new TokenVerifier(createLocalJWKSet({ keys: [local.publicJwk as JWK] }), LOCAL_ISSUER, settings, local);
  }

  async verify(token: string): Promise<Principal> {
    if (!this.cache) return (await this.verifyInFull(token)).principal;
    const key = VerifiedTokenCache.keyOf(token);
    const cached = this.cache.get(key);
    if (cached) return { ...cached };
    const { principal, exp } = await this.verifyInFull(token);
    this.cache.set(key, principal, exp);
    return principal;
  }

  /** jose's signature, issuer, audience and time checks, then the ledger's own claims checks. */
  private async verifyInFull(token: string): Promise<{ principal: Principal; exp: number }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.issuer,
        audience: this.settings.audience,
        algorithms: ['EdDSA', 'ES256', 'RS256', 'PS256'],
        requiredClaims: ['sub', 'exp', 'iat'],
        clockTolerance: CLOCK_SKEW_SECONDS,
      }));
    } catch (error) {
      throw explain(error);
    }
    const { sub, name, role, force, iat, exp } = payload as JWTPayload & Record<string, unknown>;
    // A token issued in the future was minted by a clock (or a hand) that cannot be trusted.
    if (iat! > Date.now() / 1000 + CLOCK_SKEW_SECONDS) throw invalid('TokenIssuedInFuture', 'the bearer token says it was issued in the future');
    const maxLifetime = this.settings.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
    if (exp! - iat! > maxLifetime) {
      throw invalid('TokenLifetimeTooLong', `the bearer token is valid for ${Math.round((exp! - iat!) / 3600)} hours, longer than the ${maxLifetime / 3600} this ledger accepts`);
    }
    if (!isRole(role)) {
      throw invalid('TokenClaimsInvalid', `the token's role claim must be one of chief-officer, policing-body, collaboration-manager, auditor, registrar`);
    }
    if (force !== undefined && (typeof force !== 'string' || !FORCE_CODE.test(force))) {
      throw invalid('TokenClaimsInvalid', `the token's force claim must be a force code such as "kent" or "devon-and-cornwall"`);
    }
    if (typeof force === 'string' && this.settings.knownForces && !this.settings.knownForces.includes(force)) {
      throw invalid('TokenClaimsInvalid', `the token's force claim "${force}" names no force of the national register`);
    }
    const principal: Principal = {
      personId: sub!,
      name: typeof name === 'string' && name.trim() ? name : sub!,
      role,
      ...(force ? { force } : {}),
    };
    return { principal, exp: exp! };
  }
}

const invalid = (code: string, reason: string) => new LedgerError(code, 'unauthenticated', `${reason}; sign in again.`);

function explain(error: unknown): LedgerError {
  if (error instanceof errors.JWTExpired) return invalid('TokenExpired', 'the bearer token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return invalid('TokenNotForThisLedger', 'the bearer token was issued for another audience');
    if (error.claim === 'iss') return invalid('TokenNotForThisLedger', 'the bearer token was issued by another issuer');
    if (error.claim === 'nbf') return invalid('TokenNotYetValid', 'the bearer token is not valid yet');
    return invalid('TokenClaimsInvalid', `the bearer token's ${error.claim} claim is not acceptable`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return invalid('TokenSignatureInvalid', 'the bearer token is not signed by a key this ledger trusts');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return invalid('TokenSignatureInvalid', 'the bearer token uses a signing algorithm this ledger does not accept');
  return invalid('TokenMalformed', 'the bearer token is not a well-formed signed JWT');
}
