import type { FastifyReply } from 'fastify';
import type { EventStore, ReadStreamOptions } from '#event-store';
import { LedgerError } from '#shared-kernel';
import { loadState } from './command-runner.js';
import { type DomainEvent, notFound } from './decider.js';

/**
 * ?asOf= (occurred time) and ?knownAt= (recorded time) as stream read options, refusing what is not
 * a date. A date alone (2019-04-01) means the end of that day (UTC).
 */
export function historyOptions(asOf: string | undefined, knownAt: string | undefined): ReadStreamOptions {
  return { ...(asOf ? { occurredUntil: date('asOf', asOf) } : {}), ...(knownAt ? { recordedUntil: date('knownAt', knownAt) } : {}) };
}

function date(name: string, value: string): Date {
  const parsed = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(parsed.getTime())) {
    throw new LedgerError('InvalidDate', 'invalid', `${name} must be an ISO 8601 date or date-time, such as 2019-04-01 or 2019-04-01T12:00:00Z; not ${JSON.stringify(value)}.`);
  }
  // A date alone means the whole of that day.
  return value.length === 10 ? new Date(parsed.getTime() + 86_400_000 - 1) : parsed;
}

/**
 * One aggregate as it stood (asOf) and as it was known (knownAt), with its version as ETag. An
 * aggregate that did not exist then is a 404 with `code`, naming what was asked for.
 */
export async function readAsAt<State extends { status: string }, Event extends DomainEvent>(
  store: EventStore,
  decider: { initialState: State; evolve(state: State, event: Event): State },
  request: { streamId: string; asOf?: string; knownAt?: string; reply: FastifyReply; missing: { code: string; what: string } },
): Promise<{ state: State; version: number }> {
  const { state, version } = await loadState(store, decider, request.streamId, historyOptions(request.asOf, request.knownAt));
  if (state.status === 'none') {
    throw notFound(request.missing.code, `There is no ${request.missing.what}${request.asOf || request.knownAt ? ' at that date' : ''}.`);
  }
  void request.reply.header('etag', `"${version}"`);
  return { state, version };
}
