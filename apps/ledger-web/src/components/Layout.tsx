import { type ReactNode, createContext, useContext, useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_NAMES, endSession, useSession } from '../auth/session';
import { useForceName } from './forces';

/** The page's title in the browser tab, and the heading focus moves to after a navigation. */
export function PageHeading({ title, caption, children }: { title: string; caption?: string; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  useEffect(() => {
    document.title = `${title} — Governance ledger`;
  }, [title]);
  useEffect(() => {
    // Focus the new page's heading after moving between pages (not on the first load), so a screen reader starts there.
    if (location.key !== 'default') heading.current?.focus({ preventScroll: false });
  }, [location.pathname]);
  return (
    <div className="page-heading">
      {caption && <span className="caption">{caption}</span>}
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}

function WhoYouAre() {
  const session = useSession();
  const forceName = useForceName();
  const navigate = useNavigate();
  if (!session) {
    return (
      <Link className="header-link" to="/app/sign-in">
        Sign in
      </Link>
    );
  }
  const { name, role, force } = session.principal;
  return (
    <div className="who">
      <span>
        <strong>{name}</strong>
        <span className="who-role">
          {ROLE_NAMES[role] ?? role}
          {force ? `, ${forceName(force)}` : ''}
          {session.via === 'demo' ? ' — demo' : ''}
        </span>
      </span>
      <button
        type="button"
        className="header-button"
        onClick={() => {
          endSession();
          navigate('/');
        }}
      >
        Sign out
      </button>
    </div>
  );
}

/** Says what an act did, at the top of the page, where it stays until the next page even when the act's button has gone. */
const Flash = createContext<(message: string) => void>(() => undefined);
export const useFlash = () => useContext(Flash);

export function Layout() {
  const session = useSession();
  const force = session?.principal.force;
  const location = useLocation();
  const [flash, setFlash] = useState<string | null>(null);
  useEffect(() => setFlash(null), [location.pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="header">
        <div className="header-inner">
          <Link className="service-name" to={session ? '/app' : '/'}>
            Governance ledger
            <span className="service-tagline">police-to-police collaboration, s22A Police Act 1996</span>
          </Link>
          <WhoYouAre />
        </div>
        <nav className="nav" aria-label="Main">
          <ul>
            {session && (
              <li>
                <NavLink to="/app" end>
                  What awaits me
                </NavLink>
              </li>
            )}
            {session && (
              <li>
                <NavLink to="/app/register">National register</NavLink>
              </li>
            )}
            {session && (
              <li>
                <NavLink to="/app/recommendations">Recommendations</NavLink>
              </li>
            )}
            {session && force && (
              <li>
                <NavLink to={`/app/forces/${force}`}>My force</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/" end>
                Public register
              </NavLink>
            </li>
            <li>
              <a href="/api/docs">API</a>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <div className="flash" role="status" aria-live="polite">
          {flash && <p className="success">{flash}</p>}
        </div>
        <Flash.Provider value={setFlash}>
          <Outlet />
        </Flash.Provider>
      </main>
      <footer className="footer">
        <p>Every act shown here is an event in a tamper-evident ledger, with when it happened and when it was recorded. Figures are defined in the ledger’s API documentation.</p>
      </footer>
    </>
  );
}
