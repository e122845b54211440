import { describe, expect, it } from '@jest/globals';
import { calendarDateProblem, endOfDayOrInstant, instantProblem, isCalendarDate, isInstant } from '../src/rfc3339.js';

describe('an instant, as the ledger reads one (RFC 3339 date-time)', () => {
  it.each([
    '2019-04-01T09:30:00Z',
    '2019-04-01T09:30:00.250Z',
    '2019-04-01T10:30:00+01:00',
    '2020-02-29T23:59:59.999-05:30',
    '2019-04-01T09:30:00.5Z',
  ])('accepts %s', (value) => {
    expect(instantProblem(value)).toBeUndefined();
    expect(isInstant(value)).toBe(true);
  });

  it.each([
    // the forms the hostile-input audit found accepted by an ISO 8601 check and refused by the database or the domain
    ['2020-01-01T10', 'RFC 3339'],
    ['20200101', 'RFC 3339'],
    ['2020-W01', 'RFC 3339'],
    ['2020-366', 'RFC 3339'],
    ['2020-01-01T10:00:00,5Z', 'RFC 3339'],
    ['2020-01-01T10:00:00', 'RFC 3339'], // no offset: which day it was depends on where the reader is
    ['2020-01-01', 'RFC 3339'], // a date is not an instant
    ['2020-01-01T10:00:00+0100', 'RFC 3339'],
    ['2020-01-01 10:00:00Z', 'exist'],
    ['2020-01-01t10:00:00z', 'exist'],
    ['2026-02-30T10:00:00Z', 'exist'],
    ['2019-02-29T10:00:00Z', 'exist'],
    ['2020-01-01T24:00:00Z', 'RFC 3339'],
    ['2016-12-31T23:59:60Z', 'exist'],
    ['2019-04-01T09:30:00.123456Z', 'millisecond'],
    ['', 'RFC 3339'],
    [`2019-04-01T09:30:00.${'1'.repeat(100)}Z`, 'RFC 3339'],
  ])('refuses %s, saying why', (value, why) => {
    expect(instantProblem(value)).toContain(why);
    expect(isInstant(value)).toBe(false);
  });

  it('refuses what is not a string', () => {
    for (const value of [20200101, null, undefined, [], {}, true]) expect(instantProblem(value)).toBe('must be a string holding an RFC 3339 date-time');
  });
});

describe('a calendar date (RFC 3339 full-date)', () => {
  it.each(['2019-04-01', '2020-02-29', '1829-09-29'])('accepts %s', (value) => expect(isCalendarDate(value)).toBe(true));

  it.each([
    ['2026-02-30', 'exists'],
    ['2019-02-29', 'exists'],
    ['2019-13-01', 'exists'],
    ['2020-W01', 'YYYY-MM-DD'],
    ['2020-366', 'YYYY-MM-DD'],
    ['20200101', 'YYYY-MM-DD'],
    ['2020-01-01T00:00:00Z', 'YYYY-MM-DD'],
    ['2020-1-1', 'YYYY-MM-DD'],
  ])('refuses %s', (value, why) => expect(calendarDateProblem(value)).toContain(why));
});

describe('a point in time for ?asOf= and ?knownAt=', () => {
  it('reads a calendar date as the last millisecond of that day, UTC', () => {
    expect(endOfDayOrInstant('2019-04-01')?.toISOString()).toBe('2019-04-01T23:59:59.999Z');
  });

  it('reads an instant as itself, in UTC', () => {
    expect(endOfDayOrInstant('2019-04-01T10:30:00+01:00')?.toISOString()).toBe('2019-04-01T09:30:00.000Z');
  });

  it('reads nothing from an impossible date', () => {
    expect(endOfDayOrInstant('2026-02-30')).toBeUndefined();
    expect(endOfDayOrInstant('2026-02-30T00:00:00Z')).toBeUndefined();
    expect(endOfDayOrInstant('2020-W01')).toBeUndefined();
  });
});
