import { expect } from '@jest/globals';
import createClient, { type Client } from 'openapi-fetch';
import type { Principal } from '#shared-kernel';
import { checkAnswer } from './openapi-validator.js';
import type { paths } from './openapi.js';
import type { TestApi } from './test-api.js';

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, any> | undefined;
}

/**
 * The API's client generated from its OpenAPI document (openapi-typescript types, openapi-fetch),
 * signed in as a principal (or not), checking every answer against the document.
 */
export function apiClient(api: TestApi, who: Principal | null, onText?: (text: string) => void): Client<paths> {
  const client = createClient<paths>({ baseUrl: api.url });
  client.use({
    async onRequest({ request }) {
      if (who) request.headers.set('authorization', `Bearer ${await api.tokenFor(who)}`);
      return request;
    },
    async onResponse({ request, response }) {
      const text = await response.clone().text();
      checkAnswer(request.method, request.url, response.status, response.headers.get('content-type'), text);
      onText?.(text);
      return response;
    },
  });
  return client;
}

/**
 * Sends a request as a principal (or anonymously), with a JSON body, through the generated client
 * (so the answer is checked against the document), and returns status, headers and parsed body.
 * For paths built at run time; typed calls use apiClient directly.
 */
export function httpClient(api: TestApi) {
  return async function send(method: string, path: string, who: Principal | null, payload?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    let text = '';
    const client = apiClient(api, who, (answered) => (text = answered));
    const { response } = await client.request(method.toLowerCase() as 'get', path as never, {
      ...(payload === undefined ? {} : { body: payload as never }),
      headers,
      parseAs: 'stream',
    } as never);
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, any>) : undefined };
  };
}

/** A command's answer that must be 201 Created (with no problem code): its body. */
export function created(answer: Answer): Record<string, any> {
  expect({ status: answer.status, code: answer.body?.code }).toEqual({ status: 201, code: undefined });
  return answer.body!;
}
