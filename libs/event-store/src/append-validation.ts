import { isUuid, storableJsonProblem } from '#shared-kernel';
import { InvalidAppend } from './event-store.errors.js';
import type { AppendRequest } from './event-store.port.js';

const STREAM_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
const EVENT_TYPE = /^[A-Z][A-Za-z0-9]{0,99}$/;

/** Checks what every adapter must refuse before it writes anything. Throws InvalidAppend. */
export function validateAppend(request: AppendRequest): void {
  const { streamId, expectedVersion, events } = request;
  if (typeof streamId !== 'string' || !STREAM_ID.test(streamId)) {
    throw new InvalidAppend('streamId must be 1–200 characters of letters, digits, ".", "_", ":" or "-"', { streamId });
  }
  if (
    !(expectedVersion === 'any' || expectedVersion === 'no-stream' || expectedVersion === 'stream-exists') &&
    !(Number.isSafeInteger(expectedVersion) && expectedVersion >= 0)
  ) {
    throw new InvalidAppend('expectedVersion must be a non-negative integer, "any", "no-stream" or "stream-exists"', {
      expectedVersion,
    });
  }
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppend('an append needs at least one event', { streamId });
  }
  const seen = new Set<string>();
  for (const [index, event] of events.entries()) {
    if (!isUuid(event.eventId)) throw new InvalidAppend(`events[${index}].eventId must be a UUID`, { index });
    const id = event.eventId.toLowerCase();
    if (seen.has(id)) throw new InvalidAppend(`events[${index}].eventId repeats an earlier id in the same append`, { index });
    seen.add(id);
    if (typeof event.type !== 'string' || !EVENT_TYPE.test(event.type)) {
      throw new InvalidAppend(`events[${index}].type must be a PascalCase event type such as "AgreementSigned"`, { index });
    }
    if (event.schemaVersion !== undefined && !(Number.isSafeInteger(event.schemaVersion) && event.schemaVersion >= 1)) {
      throw new InvalidAppend(`events[${index}].schemaVersion must be a positive integer`, { index });
    }
    if (!(event.occurredAt instanceof Date) || Number.isNaN(event.occurredAt.getTime())) {
      throw new InvalidAppend(`events[${index}].occurredAt must be a valid date`, { index });
    }
    if (event.data === null || typeof event.data !== 'object' || Array.isArray(event.data)) {
      throw new InvalidAppend(`events[${index}].data must be a JSON object`, { index });
    }
    if (event.metadata !== undefined && (event.metadata === null || typeof event.metadata !== 'object' || Array.isArray(event.metadata))) {
      throw new InvalidAppend(`events[${index}].metadata must be a JSON object`, { index });
    }
    // Whatever path an event came by (the API, the demo, a generator, a migration), nothing the log cannot hold exactly.
    const problem = storableJsonProblem(event.data) ?? storableJsonProblem(event.metadata ?? {});
    if (problem) throw new InvalidAppend(`events[${index}] cannot be recorded: ${problem}`, { index });
  }
}
