import type { EntityManager, EntityTarget } from 'typeorm';
import type { RecordedEvent } from '#event-store';

/**
 * A read model kept from the log. `apply` runs inside the runner's transaction, which also saves
 * the projection's checkpoint: an event is applied exactly once, or not at all.
 */
export interface Projection {
  /** Stable name, with a version: a projection whose code changes gets a new version and is rebuilt. */
  name: string;
  /** The tables it owns: emptied on rebuild. */
  entities: EntityTarget<object>[];
  handles(type: string): boolean;
  apply(event: RecordedEvent, tx: EntityManager): Promise<void>;
}

export const idFromStream = (streamId: string, prefix: string) => streamId.slice(prefix.length + 1);
