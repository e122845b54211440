import type { FastifyInstance } from 'fastify';
import { DEFAULT_MAX_REQUESTS_IN_FLIGHT } from '#config';
import { problem } from '#shared-kernel';

/** How soon a refused client is asked to try again, in seconds (the Retry-After header). */
const RETRY_AFTER_SECONDS = 1;

/** Routes an operator needs most when the process is overloaded (a URL or an OpenAPI path): never refused. */
export const exemptFromAdmission = (url: string) => url === '/health' || url.startsWith('/health/') || url.startsWith('/health?') || url === '/metrics' || url.startsWith('/metrics?');

/**
 * Bounded admission: at most `limit` requests are in this process at once; the next one is
 * answered at once with 503 `Overloaded` and `Retry-After`, before its body is read, so it does
 * nothing and writes nothing.
 *
 * Without a bound, a burst larger than the process can serve is queued in memory: every request in
 * the queue waits for all before it, and memory grows with the queue. With one, a request taken
 * waits behind at most `limit` others, the rest are told at once to come back, and memory stays
 * bounded (docs/benchmarks.md, "bounded admission": an open loop at three times the API's capacity
 * took it to 557 MiB and a median answer of 10 s unbounded, 420 MiB and 25 ms bounded).
 */
export class RequestsInFlight {
  /** Requests being answered now (health and metrics not counted). */
  count = 0;
  /** Requests refused since the process started. */
  refused = 0;

  constructor(readonly limit: number = DEFAULT_MAX_REQUESTS_IN_FLIGHT) {}

  /** Installs the bound on a Fastify instance, as its first onRequest hook. */
  install(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (request, reply, done) => {
      if (exemptFromAdmission(request.url)) return done();
      if (this.count >= this.limit) {
        this.refused++;
        void reply
          .status(503)
          .header('retry-after', String(RETRY_AFTER_SECONDS))
          .header('content-type', 'application/problem+json; charset=utf-8')
          .send(
            problem(
              503,
              'Overloaded',
              `The ledger is answering as many requests as it takes at once (${this.limit}); nothing was done with this one. Try again in ${RETRY_AFTER_SECONDS} second.`,
              { limit: this.limit },
              request.url.slice(0, 300),
            ),
          );
        return;
      }
      this.count++;
      // Released once, when the answer has gone or the client went away first.
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        this.count--;
      };
      reply.raw.once('finish', release);
      reply.raw.once('close', release);
      done();
    });
  }
}
