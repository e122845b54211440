import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { type Schemas, answer, api, asForce } from '../api/client';
import { completeOidcSignIn, startOidcSignIn } from '../auth/oidc';
import { ROLE_NAMES, sessionExpired, startSession } from '../auth/session';
import { Async, Loading, ProblemMessage } from '../components/Feedback';
import { PageHeading } from '../components/Layout';

type Person = Schemas['DemoPersonView'];

const safeReturn = (to: string | null) => (to && to.startsWith('/app') ? to : '/app');

async function me(token: string) {
  const response = await fetch('/me', { headers: { authorization: `Bearer ${token}` } });
  return answer(Promise.resolve({ data: response.ok ? await response.json() : undefined, error: response.ok ? undefined : await response.json().catch(() => ({})), response }));
}

export function SignInPage() {
  const [params] = useSearchParams();
  const returnTo = safeReturn(params.get('returnTo'));
  const options = useQuery({ queryKey: ['sign-in-options'], queryFn: () => answer(api.GET('/sign-in/options')) });
  return (
    <>
      <PageHeading title="Sign in" />
      {sessionExpired() && <p className="notice">Your sign-in has ended. Sign in again to go on.</p>}
      <Async query={options} label="Finding out how to sign in…" height={4}>
        {(data) => (data.mode === 'oidc' && data.oidc ? <OidcSignIn settings={data.oidc} returnTo={returnTo} /> : <DemoSignIn returnTo={returnTo} />)}
      </Async>
    </>
  );
}

function OidcSignIn({ settings, returnTo }: { settings: NonNullable<Schemas['SignInOptionsView']['oidc']>; returnTo: string }) {
  const start = useMutation({ mutationFn: () => startOidcSignIn(settings, returnTo) });
  if (!settings.clientId) {
    return <p className="problem">This ledger signs people in through its identity provider, but the web app has no client id there yet. Ask the administrator to set OIDC_CLIENT_ID.</p>;
  }
  return (
    <>
      <p>Sign in with your organisation’s account. You will come back here once you have signed in.</p>
      <button type="button" className="button" onClick={() => start.mutate()} disabled={start.isPending}>
        Sign in with your organisation’s account
      </button>
      {start.error && <ProblemMessage error={start.error} />}
    </>
  );
}

/** The demo sign-in: everyone the demo provides, by force and role; one click to act as them. */
function DemoSignIn({ returnTo }: { returnTo: string }) {
  const navigate = useNavigate();
  const people = useQuery({ queryKey: ['demo-people'], queryFn: () => answer(api.GET('/sign-in/demo/people')) });
  const [filter, setFilter] = useState('');
  const signIn = useMutation({
    mutationFn: async (person: Person) => {
      const token = await answer(api.POST('/sign-in/demo', { body: { role: person.role as 'auditor', ...(person.force ? { force: asForce(person.force) } : {}) } }));
      const principal = await me(token.accessToken);
      startSession({ token: token.accessToken, principal, via: 'demo', expiresAt: Date.now() + token.expiresIn * 1000 });
    },
    onSuccess: () => navigate(returnTo),
  });
  const groups = useMemo(() => {
    const words = filter.trim().toLowerCase();
    const shown = (people.data?.people ?? []).filter((p) => !words || `${p.name} ${p.actsAs} ${p.forceName ?? ''}`.toLowerCase().includes(words));
    const byForce = new Map<string, Person[]>();
    for (const person of shown) byForce.set(person.forceName ?? 'Across all forces', [...(byForce.get(person.forceName ?? 'Across all forces') ?? []), person]);
    // The roles that act for no force (auditor, registrar) first, then the forces in order.
    return [...byForce.entries()].sort(([a], [b]) => (a === 'Across all forces' ? -1 : b === 'Across all forces' ? 1 : a.localeCompare(b)));
  }, [people.data, filter]);
  return (
    <>
      <div className="demo-banner" role="note">
        <strong>Demo sign-in.</strong> This ledger has no identity provider configured, so you can act as any of the demo’s people. They and what they did are illustrative. A real ledger signs people in through their force’s own account.
      </div>
      <p>Choose who to act as. Chief officers and policing bodies sign agreements and approve decisions for their force; collaboration managers propose and record figures; the registrar keeps the register of office holders; an auditor reads everything and changes nothing.</p>
      <div className="field">
        <label htmlFor="people-filter">Find a force or a person</label>
        <input id="people-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
      </div>
      {signIn.error && <ProblemMessage error={signIn.error} />}
      <Async query={people} label="Loading the demo’s people…" height={20}>
        {() =>
          groups.length === 0 ? (
            <p className="empty">No one matches “{filter}”.</p>
          ) : (
            <div className="people">
              {groups.map(([force, members]) => (
                <section key={force} className="people-force" aria-labelledby={`force-${force}`}>
                  <h2 id={`force-${force}`} className="heading-s">
                    {force}
                  </h2>
                  <ul className="people-list">
                    {members.map((person) => (
                      <li key={`${person.role}-${person.force ?? ''}`}>
                        <button type="button" className="person" onClick={() => signIn.mutate(person)} disabled={signIn.isPending}>
                          <span className="person-name">{person.actsAs}</span>
                          <span className="person-detail">
                            {ROLE_NAMES[person.role]} · {person.name}
                          </span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          )
        }
      </Async>
    </>
  );
}

/** /app/auth/callback: back from the identity provider. */
export function AuthCallbackPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const options = await answer(api.GET('/sign-in/options'));
      if (!options.oidc) throw new Error('This ledger does not sign in through an identity provider.');
      const { accessToken, expiresIn, returnTo } = await completeOidcSignIn(options.oidc, new URL(window.location.href));
      const principal = await me(accessToken);
      startSession({ token: accessToken, principal, via: 'oidc', expiresAt: Date.now() + expiresIn * 1000 });
      if (!cancelled) navigate(safeReturn(returnTo), { replace: true });
    })().catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [location.key]);
  return (
    <>
      <PageHeading title="Signing you in" />
      {error ? <ProblemMessage error={error} /> : <Loading label="Completing your sign-in…" height={4} />}
    </>
  );
}
