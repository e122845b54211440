import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { type EventStore, type ReadStreamOptions, checkpointOf, compareCheckpoints } from '#event-store';
import { type DomainEvent, PageQuery, historyOptions } from '#governance';
import { ProblemCode } from '#shared-kernel';
import { type Projected, type Projection, foldPage, projected } from './projection.js';

/**
 * Reading a projected read model as at a date (docs/adr/0008-as-at-read-models.md).
 *
 * Without `asOf` or `knownAt` a read model answers from its projected rows: the record as it stands.
 * With either, it answers from the same projection's own events, read from the log up to those
 * instants (occurred time for asOf, recorded time for knownAt) and folded by the same pure `evolve`
 * in the log's order: exactly what the projection held, had the log then held only those events.
 * No effective-dated rows, so there is nothing to keep in step and nothing to get wrong about dates.
 */

/** ?asOf=: occurred time. A date alone (YYYY-MM-DD) is the end of that day, UTC. */
export const AsOfParameter = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'As the record stood then: only what had happened by this instant (occurred time). RFC 3339 date-time with offset, or a date (YYYY-MM-DD: the end of that day, UTC)', example: '2019-04-01' }),
    IsOptional(),
    IsString(),
    MaxLength(40),
    ProblemCode('InvalidDate'),
  );

/** ?knownAt=: recorded time. */
export const KnownAtParameter = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'As it was known then: only what the ledger had recorded by this instant (recorded time). RFC 3339 date-time with offset, or a date (the end of that day, UTC)', example: '2019-04-01T12:00:00Z' }),
    IsOptional(),
    IsString(),
    MaxLength(40),
    ProblemCode('InvalidDate'),
  );

/** ?asOf= and ?knownAt= alone. */
export class AsAtQuery {
  @AsOfParameter() asOf?: string;
  @KnownAtParameter() knownAt?: string;
}

/** ?limit=, ?offset=, ?asOf= and ?knownAt=. */
export class PagedAsAtQuery extends PageQuery {
  @AsOfParameter() asOf?: string;
  @KnownAtParameter() knownAt?: string;
}

/** What every as-at answer says it answers for. */
export class AnsweredAsAt {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The occurred-time instant answered for; null: as the record stands now' })
  asOf!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The recorded-time instant answered for; null: everything recorded so far' })
  knownAt!: string | null;
}

/** The instants a read is for, parsed once (InvalidDate for a date that is not one). */
export interface AsAt {
  /** Stream read options: occurredUntil (asOf), recordedUntil (knownAt). */
  options: ReadStreamOptions;
  /** True when neither was given: read the projected rows. */
  current: boolean;
  /** The instant figures are bounded by (tenures, overdue): asOf, else knownAt, else now. */
  at: Date;
  answered: AnsweredAsAt;
}

export function asAtOf(query: { asOf?: string; knownAt?: string }, now: Date): AsAt {
  const options = historyOptions(query.asOf, query.knownAt);
  const asOf = options.occurredUntil ?? null;
  const knownAt = options.recordedUntil ?? null;
  return {
    options,
    current: !asOf && !knownAt,
    at: asOf ?? (knownAt && knownAt < now ? knownAt : now),
    answered: { asOf: asOf?.toISOString() ?? null, knownAt: knownAt?.toISOString() ?? null },
  };
}

/**
 * A projection's rows as at the given instants, from its events: those that occurred by `occurredUntil`
 * and were recorded by `recordedUntil`, folded in the log's order. Pure.
 */
export function foldAsAt<Row extends object, Event extends DomainEvent>(
  projection: Projection<Row, Event>,
  events: readonly (Projected<Event> & { transactionId?: string })[],
  options: Pick<ReadStreamOptions, 'occurredUntil' | 'recordedUntil'>,
): Row[] {
  const types = projection.eventTypes as readonly string[];
  const wanted = events
    .filter((e) => types.includes(e.type))
    .filter((e) => !options.occurredUntil || e.occurredAt.getTime() <= options.occurredUntil.getTime())
    .filter((e) => !options.recordedUntil || e.recordedAt.getTime() <= options.recordedUntil.getTime());
  return [...foldPage(projection, [], wanted).values()].flat();
}

/** A projection's rows as at the given instants, read from the store (readByType) and folded as the runner would. */
export async function rowsAsAt<Row extends object, Event extends DomainEvent>(store: EventStore, projection: Projection<Row, Event>, options: ReadStreamOptions): Promise<Row[]> {
  const recorded = await store.readByType(projection.eventTypes, { occurredUntil: options.occurredUntil, recordedUntil: options.recordedUntil });
  // The runner's order: by committing transaction, then position.
  const ordered = [...recorded].sort((a, b) => compareCheckpoints(checkpointOf(a), checkpointOf(b)));
  return foldAsAt(projection, ordered.map((e) => projected<Event>(e)), options);
}
