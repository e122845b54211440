import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type pg from 'pg';
import { EVENT_STORE, type EventStore, PG_POOL } from '#event-store';
import { Public } from '#identity';
import { SEALER, type Sealer } from '#integrity';
import { ProjectionRunner } from '#read-models';
import { DATABASE_INFO, type DatabaseInfo } from '../database-info.js';

const INDICATORS = {
  type: 'object' as const,
  additionalProperties: { type: 'object' as const, additionalProperties: true, properties: { status: { type: 'string' as const, enum: ['up', 'down'] } }, required: ['status'] },
};

/** Terminus's answer: the overall status and each indicator (database, eventStore, projections, seals) with its facts. */
export class HealthView {
  @ApiProperty({
    enum: ['ok', 'degraded', 'error', 'shutting_down'],
    description: 'ok: all is well. degraded (200): commands are taken, but a read model cannot apply the log (details.projections names it, where and why) and falls behind, or sealing or a seal sink fails (details.seals). error (503): the database or the log cannot be read.',
  })
  status!: string;
  @ApiPropertyOptional({ ...INDICATORS, description: 'Indicators that are up' }) info?: object;
  @ApiPropertyOptional({ ...INDICATORS, description: 'Indicators that are down' }) error?: object;
  @ApiProperty({ ...INDICATORS, description: 'Every indicator' }) details!: object;
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE_INFO) private readonly database: DatabaseInfo,
    private readonly projections: ProjectionRunner,
    @Inject(SEALER) private readonly sealer: Sealer,
  ) {}

  /**
   * 200 when the database answers and the event store can be read — "ok", or "degraded" when a
   * projection cannot apply the log (it backs off and retries; commands are still taken, so a load
   * balancer should keep the instance); 503 when the database or the log cannot be read.
   */
  @Get()
  @Public()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOkResponse({ type: HealthView, description: 'The database answers and the log can be read (ok), perhaps with a read model failing (degraded)' })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'Something the ledger needs is down' })
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const result = await this.checkIndicators().catch((error: unknown) => {
      // Terminus reports a down indicator by throwing; the answer is still the health view, with 503.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503);
      return error.getResponse() as Awaited<ReturnType<HealthCheckService['check']>>;
    });
    const failing = (result.details.projections as { failing?: string[] } | undefined)?.failing ?? [];
    const seals = result.details.seals as { failing?: unknown; sinks?: Array<{ failing: unknown }> } | undefined;
    const sealingFails = Boolean(seals?.failing) || (seals?.sinks ?? []).some((s) => s.failing);
    return result.status === 'ok' && (failing.length > 0 || sealingFails) ? { ...result, status: 'degraded' } : result;
  }

  private checkIndicators() {
    return this.health.check([
      async () => {
        const session = this.indicators.check('database');
        try {
          const { rows } = await this.pool.query<{ version: string }>("SELECT current_setting('server_version') AS version");
          return session.up({ embedded: this.database.embedded, serverVersion: rows[0]!.version });
        } catch (error) {
          return session.down({ embedded: this.database.embedded, message: (error as Error).message });
        }
      },
      async () => {
        const session = this.indicators.check('eventStore');
        try {
          const head = await this.store.head();
          return session.up({ headPosition: head.position });
        } catch (error) {
          return session.down({ message: (error as Error).message });
        }
      },
      async () => {
        // Projections that fall behind report their lag; they are down only when they cannot be read.
        const session = this.indicators.check('projections');
        try {
          const status = await this.projections.status();
          return session.up({
            failing: status.filter((s) => s.failing).map((s) => s.projection),
            projections: Object.fromEntries(status.map((s) => [s.projection, { lag: s.lag, eventsApplied: s.eventsApplied, active: s.active, failing: s.failing }])),
          });
        } catch (error) {
          return session.down({ message: (error as Error).message });
        }
      },
      async () => {
        // Sealing lag: what is recorded but in no signed seal yet, and since when. Degraded (still
        // 200) when the sealer fails or a sink cannot be written: the log is kept, but not sealed or published.
        const session = this.indicators.check('seals');
        try {
          const status = await this.sealer.status();
          return session.up({
            latest: status.latest,
            unsealedEvents: status.unsealedEvents,
            unsealedAccessEntries: status.unsealedAccessEntries,
            oldestUnsealedAt: status.oldestUnsealedAt,
            lagSeconds: status.lagSeconds,
            intervalSeconds: status.intervalSeconds,
            active: status.active,
            failing: status.failing,
            sinks: status.sinks,
          });
        } catch (error) {
          return session.down({ message: (error as Error).message });
        }
      },
    ]);
  }
}
