import { LedgerError } from '#shared-kernel';
import type { ExpectedVersion } from './event-store.port.js';

export class WrongExpectedVersion extends LedgerError {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: ExpectedVersion,
    readonly actualVersion: number,
  ) {
    super(
      'WrongExpectedVersion',
      'conflict',
      `Stream ${streamId} is at version ${actualVersion}, but the append expected ${describe(expectedVersion)}; nothing was written.`,
      { streamId, expectedVersion, actualVersion },
    );
  }
}

export class EventIdConflict extends LedgerError {
  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
  ) {
    super(
      'EventIdConflict',
      'conflict',
      `Some of these event ids were already recorded, but not as exactly this append to ${streamId}; nothing was written.`,
      { streamId, eventIds },
    );
  }
}

/** The database refused an append the store itself would never send (a row that does not extend its stream): someone else wrote to the log. */
export class AppendRefused extends LedgerError {
  constructor(
    readonly streamId: string,
    reason: string,
  ) {
    super('AppendRefused', 'conflict', `The ledger refused an append to ${streamId}: ${reason}. Nothing was written.`, { streamId });
  }
}

/** The database cannot be reached, or is shutting down: nothing was written; try again shortly. */
export class StoreUnavailable extends LedgerError {
  constructor(cause: string) {
    super('StoreUnavailable', 'unavailable', `The ledger's database is not available (${cause}); nothing was written. Try again shortly.`, { retryAfterSeconds: 2 });
  }
}

export class InvalidAppend extends LedgerError {
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super('InvalidAppend', 'invalid', reason, details);
  }
}

function describe(expected: ExpectedVersion): string {
  if (expected === 'no-stream') return 'no stream';
  if (expected === 'stream-exists') return 'an existing stream';
  if (expected === 'any') return 'any version';
  return `version ${expected}`;
}

/** A copied event the target store will not take as it is (it does not extend its stream, its hash is not its link, it would be recorded before what the target already holds, its id is taken): nothing of it was written. */
export class ImportRefused extends LedgerError {
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super('ImportRefused', 'conflict', `The copy was refused: ${reason}.`, details);
  }
}
