/**
 * Contenders side by side: in each round every contender runs one slice, in an order that rotates
 * from round to round, so a slow patch of the machine (fsync, a neighbour on the two cores) falls on
 * all of them alike. Returns each contender's slices in round order.
 */
export async function interleave<T>(rounds: number, contenders: Array<() => Promise<T>>): Promise<T[][]> {
  const results = contenders.map(() => [] as T[]);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const index = (k + round) % contenders.length;
      results[index]!.push(await contenders[index]!());
    }
  }
  return results;
}

/** Runs `work` on `writers` concurrent writers for `seconds`; returns the units done and elapsed seconds. */
export async function runFor(writers: number, seconds: number, work: (writer: number, iteration: number) => Promise<number>): Promise<{ events: number; seconds: number }> {
  const deadline = Date.now() + seconds * 1000;
  let events = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let i = 0; Date.now() < deadline; i++) {
        const done = await work(writer, i); // not `events += await …`: that reads events before the await
        events += done;
      }
    }),
  );
  return { events, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Events per second of each contender over all its slices. */
export async function sideBySide(writers: number, seconds: number, sliceSeconds: number, contenders: Array<(writer: number, iteration: number) => Promise<number>>): Promise<number[]> {
  const rounds = Math.max(1, Math.round(seconds / sliceSeconds));
  const slices = await interleave(rounds, contenders.map((work) => () => runFor(writers, sliceSeconds, work)));
  return slices.map((s) => s.reduce((a, b) => a + b.events, 0) / s.reduce((a, b) => a + b.seconds, 0));
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
