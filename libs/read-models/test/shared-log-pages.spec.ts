import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { type Checkpoint, InMemoryEventStore, START } from '#event-store';
import { Convoy, SharedLogPages } from '#read-models';

/** A log of `n` events, and a store that counts its global reads. */
async function logOf(n: number) {
  const store = new InMemoryEventStore();
  for (let i = 0; i < n; i += 1) {
    await store.append({ streamId: `s-${i % 3}`, expectedVersion: 'any', events: [{ eventId: randomUUID(), type: 'Counted', data: { i }, occurredAt: new Date('2026-01-01Z') }] });
  }
  let reads = 0;
  const counting = { readAll: (after: Checkpoint, options?: { maxCount?: number }) => ((reads += 1), store.readAll(after, options)) };
  return { store, counting, reads: () => reads };
}

/** Reads the whole log page by page, as a projection's catch-up does; returns the positions given. */
async function readThrough(pages: SharedLogPages, maxCount: number) {
  const positions: number[] = [];
  let checkpoint = START;
  for (;;) {
    const page = await pages.readAll(checkpoint, { maxCount });
    if (page.events.length === 0) return positions;
    positions.push(...page.events.map((e) => e.globalPosition));
    checkpoint = page.checkpoint;
  }
}

describe('one reader of the log for every projection (issue 16)', () => {
  it('Given seven projections reading the log side by side, Then each page comes from the store once and every projection is given every event in order', async () => {
    const { counting, reads } = await logOf(25);
    const pages = new SharedLogPages(counting);
    const given = await Promise.all(Array.from({ length: 7 }, () => readThrough(pages, 10)));
    for (const positions of given) expect(positions).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    // Three pages with events (10, 10, 5) read once each; the empty page at the end is shared only while in flight.
    expect(reads()).toBeLessThanOrEqual(3 + 7);
    expect(pages.counts.shared).toBeGreaterThanOrEqual(6 * 3);
  });

  it('Given one projection ahead of another, Then the one behind is given the pages already read', async () => {
    const { counting, reads } = await logOf(30);
    const pages = new SharedLogPages(counting);
    await readThrough(pages, 10);
    const before = reads();
    expect(await readThrough(pages, 10)).toHaveLength(30);
    expect(reads() - before).toBe(1); // only the empty page that ends the log
  });

  it('Given an empty page, Then it is not kept: events appended after it are read', async () => {
    const { store, counting } = await logOf(2);
    const pages = new SharedLogPages(counting);
    const first = await pages.readAll(START, { maxCount: 10 });
    expect((await pages.readAll(first.checkpoint, { maxCount: 10 })).events).toEqual([]);
    await store.append({ streamId: 's-9', expectedVersion: 'any', events: [{ eventId: randomUUID(), type: 'Counted', data: { i: 2 }, occurredAt: new Date('2026-01-01Z') }] });
    expect((await pages.readAll(first.checkpoint, { maxCount: 10 })).events.map((e) => e.globalPosition)).toEqual([3]);
  });

  it('Given a failed read, Then it is not kept: the next asks the store again', async () => {
    const { store } = await logOf(3);
    let fail = true;
    const flaky = { readAll: (after: Checkpoint, options?: { maxCount?: number }) => (fail ? ((fail = false), Promise.reject(new Error('connection reset'))) : store.readAll(after, options)) };
    const pages = new SharedLogPages(flaky);
    await expect(pages.readAll(START, { maxCount: 10 })).rejects.toThrow('connection reset');
    await new Promise((resolve) => setImmediate(resolve));
    expect((await pages.readAll(START, { maxCount: 10 })).events).toHaveLength(3);
  });

  it('Given a page older than its age limit, or cleared, Then it is read again', async () => {
    const { counting, reads } = await logOf(3);
    const stale = new SharedLogPages(counting, 64, 0);
    await stale.readAll(START, { maxCount: 10 });
    await new Promise((resolve) => setTimeout(resolve, 2));
    await stale.readAll(START, { maxCount: 10 });
    expect(reads()).toBe(2);
    const pages = new SharedLogPages(counting);
    await pages.readAll(START, { maxCount: 10 });
    pages.clear();
    await pages.readAll(START, { maxCount: 10 });
    expect(reads()).toBe(4);
  });

  it('keeps at most its capacity of pages', async () => {
    const { counting, reads } = await logOf(10);
    const pages = new SharedLogPages(counting, 2);
    await readThrough(pages, 2); // five pages: only the last two kept
    const before = reads();
    await pages.readAll(START, { maxCount: 2 });
    expect(reads() - before).toBe(1);
  });
});

describe('a rebuild’s convoy (projections rebuilt together)', () => {
  it('Given a fast and a slow projection, Then the fast one never reads more than the window ahead, and each page comes from the store once', async () => {
    const log = await logOf(200);
    const pages = new SharedLogPages(log.counting, 4);
    const convoy = new Convoy(['fast', 'slow'], 2);
    const lead: number[] = [];
    const read = { fast: 0, slow: 0 };
    const run = async (name: 'fast' | 'slow', delayMs: number) => {
      let checkpoint = START;
      for (;;) {
        await convoy.mayRead(name);
        const page = await pages.readAll(checkpoint, { maxCount: 10 });
        convoy.advanced(name);
        read[name] += 1;
        lead.push(read.fast - read.slow);
        if (page.events.length === 0) return convoy.left(name);
        checkpoint = page.checkpoint;
        await new Promise((r) => setTimeout(r, delayMs));
      }
    };
    await Promise.all([run('fast', 0), run('slow', 3)]);
    expect(Math.max(...lead)).toBeLessThanOrEqual(2);
    expect(read).toEqual({ fast: 21, slow: 21 });
    // 20 pages of events and the empty page at the end (never kept: each asks the store).
    expect(log.reads()).toBe(22);
  });

  it('Given the slow projection done (or failed), Then it holds no one back', async () => {
    const convoy = new Convoy(['fast', 'slow'], 1);
    convoy.advanced('fast');
    let passed = false;
    const waiting = convoy.mayRead('fast').then(() => (passed = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(passed).toBe(false);
    convoy.left('slow');
    await waiting;
    expect(passed).toBe(true);
  });
});
