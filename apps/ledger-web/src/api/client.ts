import createClient from 'openapi-fetch';
import type { components, paths } from './openapi';
import { currentSession, expireSession } from '../auth/session';

/** The API's schemas, generated from docs/api/openapi.json (openapi-typescript): the web app's only model of the ledger. */
export type Schemas = components['schemas'];

/** An RFC 9457 problem the API answered with (or a network failure, status 0), as the web app shows it. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly extras: Record<string, unknown> = {},
  ) {
    super(detail || title);
  }
}

/** The highest global position a command of this page answered with: reads send it as Ledger-Read-After. */
let readAfter = 0;
export const rememberPosition = (positions: number[]) => {
  readAfter = Math.max(readAfter, ...positions);
};

/** The API client (openapi-fetch over the generated paths), signed in as the session's person. */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use({
  onRequest({ request }) {
    const session = currentSession();
    if (session) request.headers.set('authorization', `Bearer ${session.token}`);
    if (request.method === 'GET' && readAfter > 0) request.headers.set('ledger-read-after', String(readAfter));
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && currentSession()) expireSession();
    return response;
  },
});

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** The answer's body, or the problem it carried, thrown as an ApiProblem. */
export async function answer<T>(call: Promise<Answer<T>>): Promise<T> {
  let result: Answer<T>;
  try {
    result = await call;
  } catch {
    throw new ApiProblem(0, 'NetworkError', 'The ledger is not answering', 'The ledger could not be reached. Check your connection, then try again.');
  }
  if (result.response.ok) return result.data as T;
  throw problemOf(result.response.status, result.error);
}

export function problemOf(status: number, body: unknown): ApiProblem {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const { code, title, detail, type: _type, status: _status, instance: _instance, ...extras } = problem;
  return new ApiProblem(status, typeof code === 'string' ? code : `Http${status}`, typeof title === 'string' ? title : 'The ledger refused', typeof detail === 'string' ? detail : '', extras);
}

/** The answer to a command: the stream's new version and the positions of what it appended, remembered for reads. */
export async function command<T extends { events: Array<{ globalPosition: number }> }>(call: Promise<Answer<T>>): Promise<T> {
  const accepted = await answer(call);
  rememberPosition(accepted.events.map((e) => e.globalPosition));
  return accepted;
}

/** If-Match for a command decided on a version read: the API answers 412 if the stream has moved on. */
export const ifMatch = (version: number | null | undefined): Record<string, string> => (version === null || version === undefined ? {} : { 'If-Match': `"${version}"` });

/** A force code as the API's parameters name it (GET /forces lists them). */
export type ForceCode = NonNullable<Schemas['DemoSignInRequest']['force']>;
export const asForce = (code: string) => code as ForceCode;
