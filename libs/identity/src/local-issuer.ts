import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type JWK, SignJWT, exportJWK, generateKeyPair, importJWK } from 'jose';
import type { Principal } from '#shared-kernel';

export const LOCAL_ISSUER = 'urn:governance-ledger:local-issuer';
export const DEFAULT_AUDIENCE = 'governance-ledger';
const ALGORITHM = 'EdDSA';

/**
 * The issuer `npm start` uses when no OIDC issuer is configured: an Ed25519 key pair created on
 * first start in `<dataDir>/local-issuer/`, and a way to mint tokens for any person, role and force
 * (`npm run ledger -- token …`), so a new user can try every role. Never for production.
 */
export class LocalIssuer {
  private constructor(
    private readonly privateKey: Awaited<ReturnType<typeof importJWK>>,
    readonly publicJwk: JWK,
  ) {}

  static async openOrCreate(dataDir: string): Promise<LocalIssuer> {
    const dir = join(dataDir, 'local-issuer');
    const file = join(dir, 'signing-key.jwk.json');
    if (!existsSync(file)) {
      await mkdir(dir, { recursive: true });
      const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
      const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: ALGORITHM, use: 'sig' };
      await writeFile(file, JSON.stringify(jwk, null, 2), { mode: 0o600, flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error; // another process created it first: use theirs
      });
      await chmod(file, 0o600);
    }
    const jwk = JSON.parse(await readFile(file, 'utf8')) as JWK;
    const { d: _private, ...publicJwk } = jwk;
    return new LocalIssuer(await importJWK(jwk, ALGORITHM), publicJwk);
  }

  /**
   * A token for this person. For tests of refusal: a negative ttlSeconds gives one that has already
   * expired; issuedAt (Unix seconds) one issued at another time.
   */
  async mint(principal: Principal, options: { ttlSeconds?: number; audience?: string; issuedAt?: number } = {}): Promise<string> {
    const now = options.issuedAt ?? Math.floor(Date.now() / 1000);
    return new SignJWT({ name: principal.name, role: principal.role, ...(principal.force ? { force: principal.force } : {}) })
      .setProtectedHeader({ alg: ALGORITHM, kid: this.publicJwk.kid })
      .setSubject(principal.personId)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(options.audience ?? DEFAULT_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + (options.ttlSeconds ?? 8 * 3600))
      .setJti(randomUUID())
      .sign(this.privateKey);
  }
}
