import { useSyncExternalStore } from 'react';

/** Who is signed in: the bearer token and what the ledger says about its holder (GET /me). */
export interface Session {
  token: string;
  principal: { personId: string; name: string; role: string; force?: string };
  /** How they signed in: the demo sign-in (local issuer) or the identity provider. */
  via: 'demo' | 'oidc';
  expiresAt: number;
}

const KEY = 'ledger.session';
const listeners = new Set<() => void>();
let expired = false;

function read(): Session | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
    return stored && stored.expiresAt > Date.now() ? stored : null;
  } catch {
    return null;
  }
}

let session: Session | null = read();
const notify = () => listeners.forEach((listener) => listener());

export const currentSession = () => session;

/** Hears every change of who is signed in (sign-in, sign-out, a lapsed sign-in). */
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function startSession(next: Session): void {
  session = next;
  expired = false;
  sessionStorage.setItem(KEY, JSON.stringify(next));
  notify();
}

export function endSession(): void {
  session = null;
  sessionStorage.removeItem(KEY);
  notify();
}

/** The API said the token is no longer good (401): sign in again. */
export function expireSession(): void {
  expired = true;
  endSession();
}

export const sessionExpired = () => expired;

export function useSession(): Session | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => session,
  );
}

/** What a role may do, as the web app shows controls (the API decides every act; these only hide what would be refused). */
export const can = {
  sign: (s: Session | null) => s?.principal.role === 'chief-officer' || s?.principal.role === 'policing-body',
  approve: (s: Session | null) => s?.principal.role === 'chief-officer' || s?.principal.role === 'policing-body',
  propose: (s: Session | null) => s?.principal.role === 'collaboration-manager',
  recordMeasurement: (s: Session | null) => s?.principal.role === 'collaboration-manager',
  keepRegister: (s: Session | null) => s?.principal.role === 'registrar',
  reportProgress: (s: Session | null) => s?.principal.role === 'chief-officer' || s?.principal.role === 'collaboration-manager',
  decideClosure: (s: Session | null) => s?.principal.role === 'policing-body',
  readRawRecord: (s: Session | null) => s?.principal.role === 'auditor' || s?.principal.role === 'registrar',
};

export const ROLE_NAMES: Record<string, string> = {
  'chief-officer': 'Chief officer',
  'policing-body': 'Policing body',
  'collaboration-manager': 'Collaboration manager',
  auditor: 'Auditor',
  registrar: 'Registrar',
};
