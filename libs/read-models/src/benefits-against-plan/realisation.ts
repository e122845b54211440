import type { MeasureKind } from '#governance';

/**
 * How much of a benefit has been realised, from its monthly figures and how they read (its measure
 * kind; docs/indicators.md, "Benefit realised"). Pure.
 *
 * - per-period: each figure is that month's own amount: realised in a month = figure − baseline;
 *   realised to date = the sum over the months measured.
 * - cumulative: each figure is the running total since the baseline: realised in a month = figure −
 *   the previous month's figure (the baseline before the first); realised to date = latest − baseline.
 * - annualised-run-rate: each figure is the yearly rate reached that month: realised in a month =
 *   (figure − baseline) × 1/12 (a month is a twelfth of a year); realised to date = the sum over the
 *   months measured. A month without a figure realises nothing: the ledger does not assume one.
 *   `currentRunRate` (latest − baseline) is the yearly rate the latest figure shows.
 */
export interface Realisation {
  /** Month (YYYY-MM) → realised in that month, in the benefit's unit. */
  byPeriod: Record<string, number>;
  realisedToDate: number;
  /** Annualised run rate only: the latest figure less the baseline, a yearly rate; otherwise null. */
  currentRunRate: number | null;
}

export const MONTHS_A_YEAR = 12;

/** Rounded to two places, for an answer; sums are taken before rounding. */
export const round2 = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;

export function realisation(benefit: { measureKind: string; baseline: number; measurements: Record<string, number> }): Realisation {
  const months = Object.keys(benefit.measurements).sort();
  const kind = benefit.measureKind as MeasureKind;
  const byPeriod: Record<string, number> = {};
  let previous = benefit.baseline;
  for (const month of months) {
    const figure = benefit.measurements[month]!;
    if (kind === 'cumulative') {
      byPeriod[month] = figure - previous;
      previous = figure;
    } else if (kind === 'annualised-run-rate') {
      byPeriod[month] = (figure - benefit.baseline) / MONTHS_A_YEAR;
    } else {
      byPeriod[month] = figure - benefit.baseline;
    }
  }
  const toDate = kind === 'cumulative' ? (months.length ? benefit.measurements[months.at(-1)!]! - benefit.baseline : 0) : Object.values(byPeriod).reduce((a, b) => a + b, 0);
  // Unrounded: whoever adds these up rounds the sum (round2), never the parts.
  return {
    byPeriod,
    realisedToDate: toDate,
    currentRunRate: kind === 'annualised-run-rate' && months.length ? benefit.measurements[months.at(-1)!]! - benefit.baseline : null,
  };
}
