import validator from 'validator';

const { isISO8601, isRFC3339 } = validator;

/**
 * The one way the ledger reads a time from outside, because a time recorded in the log is there for
 * ever. ISO 8601 has dozens of forms (week dates `2020-W01`, ordinal dates `2020-366`, basic format
 * `20200101`, decimal commas, hours without minutes) that PostgreSQL and JavaScript each read
 * differently or not at all; RFC 3339 is the one profile of it that every reader agrees on.
 *
 * - an **instant** is an RFC 3339 date-time with its offset: `2019-04-01T09:30:00Z`,
 *   `2019-04-01T10:30:00.250+01:00`; upper-case T and Z; a real date and time (no 30 February, no
 *   leap second, no hour 24); at most three fraction digits, since the ledger keeps milliseconds
 *   and will not silently drop what it was given;
 * - a **calendar date** is an RFC 3339 full-date, `2019-04-01`, that exists.
 *
 * The syntax is checked by validator.js's RFC 3339 and strict ISO 8601 checks together (the first
 * has the shape, the second knows the calendar); what they leave is the precision.
 */

const FRACTION = /\.(\d+)/;
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why `value` is not an instant the ledger accepts, or undefined when it is one. */
export function instantProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string holding an RFC 3339 date-time';
  const shape = 'must be an RFC 3339 date-time with an offset, such as 2019-04-01T09:30:00Z or 2019-04-01T10:30:00+01:00';
  if (value.length > 40 || !isRFC3339(value)) return shape;
  // Also refuses a leap second (23:59:60), which no JavaScript or PostgreSQL time can hold.
  if (!isISO8601(value, { strict: true, strictSeparator: true }) || Number.isNaN(Date.parse(value))) return `${shape}, on a day and at a time that exist`;
  if ((FRACTION.exec(value)?.[1]?.length ?? 0) > 3) return 'has more than millisecond precision: the ledger keeps times to the millisecond (at most three fraction digits)';
  return undefined;
}

/** Why `value` is not a calendar date the ledger accepts, or undefined when it is one. */
export function calendarDateProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || !FULL_DATE.test(value)) return 'must be a date written YYYY-MM-DD, such as 2019-04-01';
  if (!isISO8601(value, { strict: true })) return 'must be a date that exists, such as 2019-04-01';
  return undefined;
}

export const isInstant = (value: unknown): value is string => instantProblem(value) === undefined;
export const isCalendarDate = (value: unknown): value is string => calendarDateProblem(value) === undefined;

/**
 * A point in time given either as an instant or as a calendar date, which means the end of that day
 * (UTC): "as at 2019-04-01" includes all of 1 April. Undefined when it is neither.
 */
export function endOfDayOrInstant(value: string): Date | undefined {
  if (isCalendarDate(value)) return new Date(Date.parse(`${value}T00:00:00Z`) + 86_400_000 - 1);
  return isInstant(value) ? new Date(value) : undefined;
}
