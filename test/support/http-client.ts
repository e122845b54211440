import type { Principal } from '#shared-kernel';
import type { TestApi } from './test-api.js';

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, any> | undefined;
}

/** Sends a request as a principal (or anonymously), with a JSON body, and parses the JSON answer. */
export function httpClient(api: TestApi) {
  return async function send(method: string, path: string, who: Principal | null, payload?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: {
        ...(who ? { authorization: `Bearer ${await api.tokenFor(who)}` } : {}),
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, any>) : undefined };
  };
}
