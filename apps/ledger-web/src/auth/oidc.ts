import * as oauth from 'oauth4webapi';

/** The provider the API names (GET /sign-in/options). */
export interface OidcSettings {
  issuer: string;
  clientId: string | null;
  scope: string;
  audience: string;
}

const PENDING = 'ledger.oidc.pending';
const redirectUri = () => `${window.location.origin}/app/auth/callback`;

async function discover(settings: OidcSettings) {
  const issuer = new URL(settings.issuer);
  const options = { algorithm: 'oidc' as const, [oauth.allowInsecureRequests]: issuer.protocol === 'http:' };
  return { as: await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, options)), insecure: issuer.protocol === 'http:' };
}

/**
 * The authorization-code flow with PKCE (RFC 7636), with oauth4webapi: the browser is sent to the
 * provider with an S256 code challenge and a state, and comes back to /app/auth/callback.
 */
export async function startOidcSignIn(settings: OidcSettings, returnTo: string): Promise<void> {
  if (!settings.clientId) throw new Error('This ledger has no client id for the web app at its identity provider (OIDC_CLIENT_ID).');
  const { as } = await discover(settings);
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  sessionStorage.setItem(PENDING, JSON.stringify({ codeVerifier, state, returnTo }));
  const url = new URL(as.authorization_endpoint!);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', settings.scope);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  window.location.assign(url);
}

/** Back from the provider: check the state, exchange the code with the verifier, and return the access token. */
export async function completeOidcSignIn(settings: OidcSettings, callback: URL): Promise<{ accessToken: string; expiresIn: number; returnTo: string }> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as { codeVerifier: string; state: string; returnTo: string } | null;
  sessionStorage.removeItem(PENDING);
  if (!pending || !settings.clientId) throw new Error('This sign-in was not started here, or has already been used: start again.');
  const { as, insecure } = await discover(settings);
  const client: oauth.Client = { client_id: settings.clientId };
  const parameters = oauth.validateAuthResponse(as, client, callback, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), parameters, redirectUri(), pending.codeVerifier, { [oauth.allowInsecureRequests]: insecure });
  const result = await oauth.processAuthorizationCodeResponse(as, client, response);
  return { accessToken: result.access_token, expiresIn: result.expires_in ?? 3600, returnTo: pending.returnTo };
}
