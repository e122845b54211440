import type { FastifyReply } from 'fastify';
import type { EventStore, ReadStreamOptions } from '#event-store';
import { LedgerError, endOfDayOrInstant } from '#shared-kernel';
import { loadState } from './command-runner.js';
import { type DomainEvent, notFound } from './decider.js';

/**
 * ?asOf= (occurred time) and ?knownAt= (recorded time) as stream read options, refusing what is not
 * a date that exists. A date alone (2019-04-01) means the end of that day (UTC).
 */
export function historyOptions(asOf: string | undefined, knownAt: string | undefined): ReadStreamOptions {
  return { ...(asOf ? { occurredUntil: date('asOf', asOf) } : {}), ...(knownAt ? { recordedUntil: date('knownAt', knownAt) } : {}) };
}

function date(name: string, value: string): Date {
  const parsed = endOfDayOrInstant(value);
  if (!parsed) {
    throw new LedgerError(
      'InvalidDate',
      'invalid',
      `${name} must be a date (YYYY-MM-DD, meaning the end of that day, UTC) or an RFC 3339 date-time with offset, such as 2019-04-01 or 2019-04-01T12:00:00Z, that exists; not ${JSON.stringify(value)}.`,
    );
  }
  return parsed;
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
