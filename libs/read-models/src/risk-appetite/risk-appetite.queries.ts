import { ApiProperty } from '@nestjs/swagger';
import { RISK_CATEGORIES, RISK_LEVELS } from '#governance';
import { AsAtQuery } from '../as-at.js';
import type { AgreedAppetite, RegisterEntry } from '../register/register.entity.js';
import type { AppetitePeriod } from './risk-appetite.entity.js';

export const REMITS = ['operational', 'strategic'] as const;

/** A level's step on the five-step scale: averse 0, minimal 1, cautious 2, open 3, eager 4. */
export const step = (level: string) => (RISK_LEVELS as readonly string[]).indexOf(level);

/** ?asOf= (default now) and ?knownAt=. */
export class AlignmentQuery extends AsAtQuery {}

export class PartyAppetiteView {
  @ApiProperty() party!: string;
  @ApiProperty({ type: String, enum: RISK_LEVELS, nullable: true }) level!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Steps between the party’s level and the agreed one' }) distanceFromAgreed!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) since!: Date | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The declaration or revision that set it' }) event!: number | null;
}

export class RemitAlignmentView {
  @ApiProperty({ enum: REMITS }) remit!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Highest step minus lowest among parties that declared; null with fewer than two' }) spread!: number | null;
  @ApiProperty({ description: 'Parties that declared a level' }) declaredBy!: number;
  @ApiProperty({ type: [PartyAppetiteView] }) parties!: PartyAppetiteView[];
}

export class CategoryAlignmentView {
  @ApiProperty({ enum: RISK_CATEGORIES }) category!: string;
  @ApiProperty({ type: String, enum: RISK_LEVELS, nullable: true, description: 'The appetite the partners agreed for the collaboration' }) agreed!: string | null;
  @ApiProperty({ type: Number, nullable: true }) agreedEvent!: number | null;
  @ApiProperty({ type: [RemitAlignmentView] }) remits!: RemitAlignmentView[];
}

export class AlignmentView {
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty({ format: 'date-time', description: 'The instant read as at: asOf, else knownAt, else now' }) asOf!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The recorded-time instant read as known at; null: everything recorded so far' }) knownAt!: string | null;
  @ApiProperty({ type: [CategoryAlignmentView] }) categories!: CategoryAlignmentView[];
}

/** The periods in force at an instant: begun at or before it, not yet ended. */
export const heldAt = (periods: readonly AppetitePeriod[], at: Date) => periods.filter((p) => p.heldFrom <= at && (p.heldTo === null || p.heldTo > at));

/** The appetite the partners had agreed by an instant, if any. */
export const agreedAt = (agreed: readonly AgreedAppetite[], at: Date) => [...agreed].reverse().find((a) => Date.parse(a.from) <= at.getTime()) ?? null;

/**
 * Risk-appetite alignment as at an instant: per category and remit, each party's declared level,
 * the spread between parties and each party's distance from the appetite the partners agreed.
 */
export function alignment(entry: RegisterEntry, periods: readonly AppetitePeriod[], at: Date): AlignmentView {
  const current = heldAt(periods, at);
  const agreed = agreedAt(entry.agreedAppetites, at);
  const categories = RISK_CATEGORIES.map((category) => {
    const agreedLevel = agreed?.appetite.find((a) => a.category === category)?.level ?? null;
    const remits = REMITS.map((remit) => {
      const parties = entry.parties.map((party) => {
        const period = current.find((p) => p.forceCode === party && p.remit === remit && p.category === category);
        const level = period?.level ?? null;
        return {
          party,
          level,
          distanceFromAgreed: level && agreedLevel ? Math.abs(step(level) - step(agreedLevel)) : null,
          since: period?.heldFrom ?? null,
          event: period ? period.eventPosition : null,
        };
      });
      const steps = parties.filter((p) => p.level).map((p) => step(p.level!));
      return { remit, spread: steps.length >= 2 ? Math.max(...steps) - Math.min(...steps) : null, declaredBy: steps.length, parties };
    });
    return { category, agreed: agreedLevel, agreedEvent: agreed?.position ?? null, remits };
  });
  return { collaborationId: entry.collaborationId, asOf: at.toISOString(), knownAt: null, categories };
}

/**
 * The periods in force at each of a non-decreasing series of instants (each as `heldAt` would give
 * it): one sweep, each period added when it begins and dropped when it ends, rather than every
 * period tested at every instant (a collaboration's ten years of months against its parties'
 * thousands of declarations).
 */
export function heldAtEach(periods: readonly AppetitePeriod[], instants: readonly Date[]): AppetitePeriod[][] {
  const order = new Map(periods.map((period, index) => [period, index]));
  const byStart = [...periods].sort((a, b) => a.heldFrom.getTime() - b.heldFrom.getTime());
  const active = new Set<AppetitePeriod>();
  const held: AppetitePeriod[][] = [];
  let next = 0;
  let previous = Number.NEGATIVE_INFINITY;
  for (const instant of instants) {
    const at = instant.getTime();
    if (at < previous) throw new Error('heldAtEach: instants must not decrease');
    previous = at;
    while (next < byStart.length && byStart[next]!.heldFrom.getTime() <= at) active.add(byStart[next++]!);
    for (const period of active) if (period.heldTo !== null && period.heldTo.getTime() <= at) active.delete(period);
    held.push([...active].sort((a, b) => order.get(a)! - order.get(b)!)); // in the order given, as heldAt keeps it
  }
  return held;
}

/** The widest spread between parties' declared levels at an instant, in any category and remit, with the periods behind it. */
export function widestSpread(parties: readonly string[], periods: readonly AppetitePeriod[], at: Date) {
  return widestSpreadAmong(parties, heldAt(periods, at));
}

/** widestSpread over the periods in force at the instant (heldAt, heldAtEach). */
export function widestSpreadAmong(parties: readonly string[], held: readonly AppetitePeriod[]) {
  // One pass groups the parties' periods by remit and category (each group in the order held gives);
  // then remit by remit, category by category, the first widest wins, as before.
  const declaredBy = new Map<string, AppetitePeriod[]>();
  for (const period of held) {
    if (!parties.includes(period.forceCode)) continue;
    const key = `${period.remit}\u0000${period.category}`;
    const group = declaredBy.get(key);
    if (group) group.push(period);
    else declaredBy.set(key, [period]);
  }
  let widest: { widestSpread: number; category: string; remit: string; events: number[] } | null = null;
  for (const remit of REMITS) {
    for (const category of RISK_CATEGORIES) {
      const declared = declaredBy.get(`${remit}\u0000${category}`);
      if (!declared || declared.length < 2) continue;
      const steps = declared.map((p) => step(p.level));
      const spread = Math.max(...steps) - Math.min(...steps);
      if (widest === null || spread > widest.widestSpread) widest = { widestSpread: spread, category, remit, events: declared.map((p) => p.eventPosition) };
    }
  }
  return widest;
}
