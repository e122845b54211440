import { setTimeout as sleep } from 'node:timers/promises';
import type { Checkpoint, EventStore, RecordedEvent, SubscribeOptions } from './event-store.port.js';

/**
 * Catch-up then live, by polling readAll: the same code path serves a rebuild from the start of
 * the log and a live subscription. `wake` lets an adapter cut the wait short after a local append.
 */
export async function* pollAll(
  store: Pick<EventStore, 'readAll'>,
  after: Checkpoint,
  options: SubscribeOptions,
  wake?: (signal: AbortSignal) => Promise<void>,
): AsyncGenerator<RecordedEvent> {
  const { signal, batchSize = 500, pollIntervalMs = 200 } = options;
  let checkpoint = after;
  while (!signal?.aborted) {
    const page = await store.readAll(checkpoint, { maxCount: batchSize });
    for (const event of page.events) {
      if (signal?.aborted) return;
      yield event;
    }
    checkpoint = page.checkpoint;
    if (page.events.length < batchSize) {
      const waiter = new AbortController();
      const onAbort = () => waiter.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        await Promise.race([
          sleep(pollIntervalMs, undefined, { signal: waiter.signal }),
          ...(wake ? [wake(waiter.signal)] : []),
        ]).catch(() => undefined);
      } finally {
        waiter.abort();
        signal?.removeEventListener('abort', onAbort);
      }
    }
  }
}

/** Lets subscribers in this process wait for the next local append instead of a full poll interval. */
export class AppendNotifier {
  private waiters: Array<() => void> = [];

  next(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
