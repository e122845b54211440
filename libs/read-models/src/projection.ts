import type { EntityMetadata, ValueTransformer } from 'typeorm';
import type { RecordedEvent } from '#event-store';
import { type DomainEvent, upcast } from '#governance';

/**
 * A read model kept from the log: rows grouped by one column (a collaboration id, an office's
 * stream), each group changed by a pure `evolve` from its rows and one event. The runner reads a
 * page of the log, loads the groups the page touches, folds the events into them with `foldPage`
 * and writes the groups back, with its checkpoint, in one transaction: every event applied exactly
 * once, the writes set-based per page. The specs fold with the same `foldPage`, no database.
 */
export interface Projection<Row extends object = object, Event extends DomainEvent = DomainEvent> {
  /** Stable name, with a version: a projection whose code changes gets a new version and is rebuilt beside the old one. */
  name: string;
  /** The TypeORM entity of its rows; the table is emptied on rebuild. */
  entity: new () => Row;
  /** The property whose value names a group of rows that one event may change. */
  groupBy: keyof Row & string;
  /** The event types it reads; others are never given to it. */
  eventTypes: readonly Event['type'][];
  /** The group an event changes, or null for none. */
  groupOf(event: Projected<Event>): string | null;
  /** The group's rows after the event. Pure: no I/O, no clock. */
  evolve(rows: readonly Row[], event: Projected<Event>): Row[];
}

/** An event as projections see it: upcast to its current shape, with where and when it was recorded. */
export type Projected<Event extends DomainEvent = DomainEvent> = Event & {
  streamId: string;
  streamVersion: number;
  globalPosition: number;
  recordedAt: Date;
  metadata: Record<string, unknown>;
};

/** A recorded event, upcast, as a projection receives it. */
export function projected<Event extends DomainEvent>(event: RecordedEvent): Projected<Event> {
  return {
    ...upcast<Event>(event),
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    globalPosition: event.globalPosition,
    recordedAt: event.recordedAt,
    metadata: event.metadata,
  };
}

// A projection of any row and event type, as the runner holds them in one list.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProjection = Projection<any, any>;

/**
 * Folds events (in log order) into the groups they touch. `existing` holds the rows of those groups
 * as stored; the answer holds every touched group's rows afterwards (an empty list: delete them).
 */
export function foldPage<Row extends object, Event extends DomainEvent>(
  projection: Projection<Row, Event>,
  existing: readonly Row[],
  events: readonly Projected<Event>[],
): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const event of events) {
    const group = projection.groupOf(event);
    if (group === null) continue;
    if (!groups.has(group)) groups.set(group, existing.filter((row) => String(row[projection.groupBy]) === group));
    groups.set(group, projection.evolve(groups.get(group)!, event));
  }
  return groups;
}

/** The groups a page of events touches. */
export const groupsOf = <Event extends DomainEvent>(projection: Projection<object, Event>, events: readonly Projected<Event>[]) =>
  [...new Set(events.map((e) => projection.groupOf(e)).filter((g): g is string => g !== null))];

/** A bigint column read back as a number (positions stay far below 2^53). */
export const asNumber: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

export const idFromStream = (streamId: string, prefix: string) => streamId.slice(prefix.length + 1);
export const days = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 86_400_000;

/**
 * `"column" AS "property"` for each property of an entity: a plain statement whose rows pg hands
 * over already shaped as the entity's, without TypeORM's hydration (a tenth of a read route's time
 * at national scale). Only for columns without a transformer.
 */
export function columnsAs(metadata: EntityMetadata, properties: readonly string[], alias?: string): string {
  return properties
    .map((property) => {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`${metadata.name} has no column ${property}`);
      if (column.transformer) throw new Error(`${metadata.name}.${property} has a transformer: read it through TypeORM`);
      return `${alias ? `${alias}.` : ''}"${column.databaseName}" AS "${property}"`;
    })
    .join(', ');
}
