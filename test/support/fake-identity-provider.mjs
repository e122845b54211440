// A stand-in for a force's identity provider, for the browser test of the web app's OIDC sign-in:
// oidc-provider (a certified OpenID Provider) with one public client, the web app, that must use
// PKCE (S256), and JWT access tokens for the ledger's audience carrying the claims the ledger reads
// (sub, name, role, force). Any login and password are accepted; the login is the person id, and
// the people are the demo's office holders. Run as its own process (plain ESM, outside Jest):
//   node test/support/fake-identity-provider.mjs <port> <redirect URI> <audience>
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

const [port, redirectUri, audience] = [Number(process.argv[2]), process.argv[3], process.argv[4] ?? 'governance-ledger'];
const issuer = `http://127.0.0.1:${port}`;
const RESOURCE = 'urn:governance-ledger';
const PEOPLE = {
  'demo-cc-dorset': { name: 'Chief Constable of Dorset Police (illustrative)', role: 'chief-officer', force: 'dorset' },
  'demo-pb-devon-and-cornwall': { name: 'Police and Crime Commissioner for Devon, Cornwall and the Isles of Scilly (illustrative holder)', role: 'policing-body', force: 'devon-and-cornwall' },
};

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingKey = { ...(await exportJWK(privateKey)), kid: 'fake-idp', alg: 'RS256', use: 'sig' };

const provider = new Provider(issuer, {
  clients: [{ client_id: 'ledger-web', token_endpoint_auth_method: 'none', redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
  jwks: { keys: [signingKey] },
  pkce: { required: () => true },
  clientBasedCORS: () => true,
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, name: PEOPLE[id]?.name ?? id }) }),
  claims: { openid: ['sub'], profile: ['name'] },
  extraTokenClaims: (_ctx, token) => {
    const person = PEOPLE[token.accountId];
    return person ? { name: person.name, role: person.role, force: person.force } : {};
  },
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => RESOURCE,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({ audience, scope: 'openid profile', accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'RS256' } } }),
    },
  },
  // Consent is not the subject of the test: every grant the web app asks for is given.
  loadExistingGrant: async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile');
    grant.addResourceScope(RESOURCE, 'openid profile');
    await grant.save();
    return grant;
  },
});
provider.proxy = false;
provider.listen(port, '127.0.0.1', () => process.stdout.write(`listening ${issuer}\n`));
