import { ApiProblem } from './api/client';

/** A problem in words a person understands: what happened, and what to do. */
export interface Explained {
  title: string;
  message: string;
  /** The stable code, for support. */
  code: string;
  /** This changed since it was opened: only a reload helps. */
  conflict: boolean;
  /** The sign-in is missing or no longer good. */
  signIn: boolean;
  fields: Array<{ field: string; problems: string[] }>;
}

const CONFLICT = new Set(['VersionMismatch', 'ConcurrentChange', 'WrongExpectedVersion']);

export function explain(error: unknown): Explained {
  const problem = error instanceof ApiProblem ? error : new ApiProblem(-1, 'Unexpected', 'Something went wrong', error instanceof Error ? error.message : String(error));
  const base = { code: problem.code, conflict: false, signIn: false, fields: [] as Explained['fields'] };
  if (CONFLICT.has(problem.code) || problem.status === 412) {
    return { ...base, conflict: true, title: 'This changed since you opened it', message: 'Someone else changed it after you opened this page, so nothing was written. Reload to see the latest, then decide again.' };
  }
  if (problem.status === 0) return { ...base, title: problem.title, message: problem.detail };
  if (problem.status === 401) {
    return { ...base, signIn: true, title: 'Please sign in again', message: problem.code === 'TokenExpired' ? 'Your sign-in has expired.' : 'You are not signed in, or your sign-in is no longer accepted.' };
  }
  if (problem.status === 403) return { ...base, title: 'You may not do this', message: plain(problem.detail) };
  if (problem.status === 404) return { ...base, title: 'Not found', message: plain(problem.detail) || 'There is nothing here.' };
  if (problem.status === 422) return { ...base, title: 'The ledger refused this', message: plain(problem.detail) };
  if (problem.status === 429) {
    const seconds = Number(problem.extras.retryAfterSeconds ?? 60);
    return { ...base, title: 'Too many changes at once', message: `You have made many changes in the last minute. Try again in ${seconds} seconds. Nothing was written.` };
  }
  if (problem.status === 503) return { ...base, title: 'The ledger is busy', message: 'The ledger is catching up or briefly unavailable. Try again in a moment.' };
  if (problem.status === 400) {
    const fields = Array.isArray(problem.extras.errors) ? (problem.extras.errors as Explained['fields']) : [];
    return { ...base, fields, title: 'Please check what you entered', message: fields.length ? 'Some of what you entered cannot be used:' : plain(problem.detail) };
  }
  if (problem.status >= 500) return { ...base, title: 'Something went wrong on the ledger’s side', message: 'The fault has been logged. Nothing was written. Try again later.' };
  return { ...base, title: problem.title, message: plain(problem.detail) };
}

/** The API's detail, without the internal stream names it sometimes gives. */
const plain = (detail: string) => detail.replace(/\b(collaboration|decision|benefit|recommendation)-[0-9a-f-]{36}\b/g, 'it');
