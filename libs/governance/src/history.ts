import type { ReadStreamOptions } from '#event-store';
import { LedgerError } from '#shared-kernel';

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
