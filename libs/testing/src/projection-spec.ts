import { expect } from '@jest/globals';
import type { DomainEvent } from '#governance';
import { type Projected, type Projection, foldPage } from '#read-models';

/** Recorded events of one stream, as the runner hands them to projections: versions from 1, positions from `firstPosition`. */
export function inStream<Event extends DomainEvent>(streamId: string, events: readonly Event[], firstPosition = 1): Array<Projected<Event>> {
  return events.map((event, index) => ({
    ...event,
    streamId,
    streamVersion: index + 1,
    globalPosition: firstPosition + index,
    recordedAt: event.occurredAt,
    metadata: {},
  }));
}

/**
 * Given these events (in log order), Then these rows — folded by the same foldPage the runner
 * uses, page by page, with no database:
 *   projectionSpec(registerProjection).given(events).then(rows)
 */
export function projectionSpec<Row extends object, Event extends DomainEvent>(projection: Projection<Row, Event>) {
  return {
    /** Events of other types than the projection reads are skipped, as the runner skips them. */
    given(events: ReadonlyArray<Projected<DomainEvent>>, pageSize = 2) {
      // Pages of a few events, so that the rows a page ends with are what the next page starts from.
      let table: Row[] = [];
      for (let i = 0; i < events.length; i += pageSize) {
        const page = events.slice(i, i + pageSize).filter((e): e is Projected<Event> => (projection.eventTypes as readonly string[]).includes(e.type));
        const folded = foldPage(projection, table, page);
        table = [...table.filter((row) => !folded.has(String(row[projection.groupBy]))), ...[...folded.values()].flat()];
      }
      return {
        then(expected: readonly Row[]) {
          expect(table).toEqual(expected);
        },
        rows: () => table,
      };
    },
  };
}
