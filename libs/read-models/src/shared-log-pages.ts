import type { Checkpoint, EventStore, ReadAllResult } from '#event-store';

/**
 * One reader of the log for every projection of a process: the runner's projections read the same
 * pages in the same order (each page starts where the last one ended), so the first to ask for a
 * page reads and parses it and the others are given the same page — from the database once, not
 * once per projection (issue 16: "one log reader feeding every projection").
 *
 * Correct whatever the timing: the log after a checkpoint only grows, so a page read earlier is a
 * prefix of what a later read would return, and each projection moves its own checkpoint past
 * exactly the events it was given. Empty pages are never kept (there may be events now), nor failed
 * reads, nor pages older than `maxAgeMs`: projections that share pages read them within moments of
 * each other, and a page read before a person's name was erased must not outlive a rebuild that
 * follows the erasure (the runner also clears the pages when it resets a projection). Pages are
 * shared, so a projection must not mutate the events it is given (none does: `projected()` copies
 * what it keeps; upcasters return new payloads).
 */
export class SharedLogPages {
  private readonly pages = new Map<string, { page: Promise<ReadAllResult>; readAt: number }>();
  /** Store reads made, and pages served from memory: for tests and for the benchmarks. */
  readonly counts = { reads: 0, shared: 0 };

  constructor(
    private readonly store: Pick<EventStore, 'readAll'>,
    /** Pages kept: enough for every projection to be a few pages apart (a rebuild's convoy keeps them within half). */
    readonly capacity = 64,
    private readonly maxAgeMs = 10_000,
  ) {}

  /** Forgets every page: the next read of each comes from the store. */
  clear(): void {
    this.pages.clear();
  }

  readAll(after: Checkpoint, options: { maxCount: number }): Promise<ReadAllResult> {
    const key = `${after.transactionId}:${after.position}:${options.maxCount}`;
    const kept = this.pages.get(key);
    if (kept && performance.now() - kept.readAt <= this.maxAgeMs) {
      this.counts.shared += 1;
      return kept.page;
    }
    this.counts.reads += 1;
    const page = this.store.readAll(after, options);
    const entry = { page, readAt: performance.now() };
    this.pages.delete(key);
    this.pages.set(key, entry);
    if (this.pages.size > this.capacity) this.pages.delete(this.pages.keys().next().value!);
    const forget = () => {
      if (this.pages.get(key) === entry) this.pages.delete(key);
    };
    page.then((result) => {
      if (result.events.length === 0) forget();
    }, forget);
    return page;
  }
}
