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
  /** The web app's public client id at the OIDC provider (authorization code with PKCE); only with `issuer`. */
  clientId?: string;
}

/** Verifies bearer tokens (jose) and turns their claims into a Principal, or says exactly why not. */
export class TokenVerifier {
  private constructor(
    private readonly keys: Parameters<typeof jwtVerify>[1],
    private readonly issuer: string,
    private readonly audience: string,
    readonly localIssuer?: LocalIssuer,
  ) {}

  static async create(settings: IdentitySettings): Promise<TokenVerifier> {
    if (settings.issuer && settings.jwksUrl) {
      return new TokenVerifier(createRemoteJWKSet(new URL(settings.jwksUrl)), settings.issuer, settings.audience);
    }
    const local = await LocalIssuer.openOrCreate(settings.dataDir);
    return new TokenVerifier(createLocalJWKSet({ keys: [local.publicJwk as JWK] }), LOCAL_ISSUER, settings.audience, local);
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.issuer,
        audience: this.audience,
        algorithms: ['EdDSA', 'ES256', 'RS256', 'PS256'],
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw explain(error);
    }
    const { sub, name, role, force } = payload as JWTPayload & Record<string, unknown>;
    if (!isRole(role)) {
      throw invalid('TokenClaimsInvalid', `the token's role claim must be one of chief-officer, policing-body, collaboration-manager, auditor, registrar`);
    }
    if (force !== undefined && (typeof force !== 'string' || !FORCE_CODE.test(force))) {
      throw invalid('TokenClaimsInvalid', `the token's force claim must be a force code such as "kent" or "devon-and-cornwall"`);
    }
    return {
      personId: sub!,
      name: typeof name === 'string' && name.trim() ? name : sub!,
      role,
      ...(force ? { force } : {}),
    };
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
