import { type CallHandler, Controller, type ExecutionContext, Injectable, type NestInterceptor, UseInterceptors, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Observable } from 'rxjs';
import { LedgerError } from '#shared-kernel';
import { ProjectionRunner } from './projection-runner.js';

export const READ_AFTER_HEADER = 'ledger-read-after';
/** How long a read waits for the read models to reach the position it names. */
export const READ_AFTER_WAIT_MS = 5_000;

/**
 * Read your own write: read models trail the log by a moment. A read that sends
 * `Ledger-Read-After: <position>` (a globalPosition a command answered with) is answered only once
 * every read model has applied the event at that position — after waiting up to five seconds;
 * beyond that, 503 ReadModelBehind with Retry-After.
 */
@Injectable()
export class ReadAfterInterceptor implements NestInterceptor {
  constructor(private readonly runner: ProjectionRunner) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers[READ_AFTER_HEADER];
    if (header !== undefined) await this.waitFor(positionOf(header), context.switchToHttp().getResponse<FastifyReply>());
    return next.handle();
  }

  private async waitFor(position: number, reply: FastifyReply): Promise<void> {
    const deadline = Date.now() + READ_AFTER_WAIT_MS;
    for (;;) {
      const reached = await this.runner.appliedThrough(position);
      if (reached === 'unknown') {
        throw new LedgerError('UnknownPosition', 'invalid', `No event has been recorded at position ${position}: name a globalPosition a command answered with.`, { position });
      }
      if (reached) return;
      // Someone is waiting: the projections resting between polls catch up now.
      this.runner.nudge();
      if (Date.now() >= deadline) {
        void reply.header('retry-after', '1');
        throw new LedgerError('ReadModelBehind', 'unavailable', `The read models have not yet applied the event at position ${position}; try again in a moment.`, { position, retryAfterSeconds: 1 });
      }
      await sleep(25);
    }
  }
}

function positionOf(header: string | string[]): number {
  const value = Array.isArray(header) ? header[0]! : header;
  if (!/^\d{1,15}$/.test(value.trim()) || Number(value) < 1) {
    throw new LedgerError('InvalidReadAfter', 'invalid', `Ledger-Read-After must be a global position (a positive whole number a command answered with), not ${JSON.stringify(value)}.`);
  }
  return Number(value);
}

/** A read-model route's controller: signed-in reads that honour Ledger-Read-After. */
export const ReadModelController = (path?: string) =>
  applyDecorators(
    Controller(path ?? ''),
    ApiTags('read models'),
    ApiBearerAuth(),
    ApiHeader({ name: 'Ledger-Read-After', required: false, description: 'A globalPosition a command answered with: the answer includes that event (waits up to 5 s, else 503 ReadModelBehind)' }),
    UseInterceptors(ReadAfterInterceptor),
  );
