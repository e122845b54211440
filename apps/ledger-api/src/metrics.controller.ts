import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblems } from '#governance';
import { LedgerError } from '#shared-kernel';
import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { Public } from '#identity';
import { READ_ACCESS_LOG_WRITER, type ReadAccessLog, SEALER, type Sealer } from '#integrity';
import { ProjectionRunner } from '#read-models';
import { RequestsInFlight } from './load-shedding.js';

export const METRICS_ACCESS = Symbol('METRICS_ACCESS');
export interface MetricsAccess {
  /** METRICS_TOKEN; unset: loopback clients only. */
  token?: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Who may read the metrics: a scraper with METRICS_TOKEN, or, when none is set, a client on this machine. */
export function refuseMetricsTo(request: FastifyRequest, access: MetricsAccess): LedgerError | undefined {
  if (access.token) {
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const expected = Buffer.from(access.token);
    const same = given.length === access.token.length && timingSafeEqual(Buffer.from(given), expected);
    return same ? undefined : new LedgerError('MetricsTokenRequired', 'unauthenticated', 'The metrics are read with the METRICS_TOKEN bearer token.');
  }
  return LOOPBACK.has(request.ip) ? undefined : new LedgerError('MetricsForLoopbackOnly', 'forbidden', 'Without METRICS_TOKEN set, the metrics are read only from this machine (loopback).');
}

/**
 * Prometheus text format: process metrics, and per projection its lag (events a gap-free reader
 * can see that it has not applied), the events it has applied, and, while it fails, where, since
 * when, how often and why. Counts, never content — yet not for everyone: with METRICS_TOKEN set,
 * only with it as a bearer token; without, only to clients on this machine.
 */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  private readonly registry = new Registry();
  private readonly lag = new Gauge({ name: 'ledger_projection_lag_events', help: 'Events in the log not yet applied by the projection', labelNames: ['projection'], registers: [this.registry] });
  private readonly applied = new Gauge({ name: 'ledger_projection_events_applied', help: 'Events the projection has read since it was last built', labelNames: ['projection'], registers: [this.registry] });
  private readonly active = new Gauge({ name: 'ledger_projection_active', help: '1 when this process runs the projection', labelNames: ['projection'], registers: [this.registry] });
  private readonly failing = new Gauge({ name: 'ledger_projection_failing', help: '1 while the projection cannot apply the log’s next page (it backs off and retries)', labelNames: ['projection'], registers: [this.registry] });
  private readonly failingPosition = new Gauge({ name: 'ledger_projection_failing_position', help: 'Global position of the event the projection cannot apply (absent when not failing)', labelNames: ['projection'], registers: [this.registry] });
  private readonly failingAttempts = new Gauge({ name: 'ledger_projection_failing_attempts', help: 'Attempts so far at the event the projection cannot apply', labelNames: ['projection'], registers: [this.registry] });
  private readonly failingSince = new Gauge({ name: 'ledger_projection_failing_since_seconds', help: 'Unix time the projection began to fail', labelNames: ['projection'], registers: [this.registry] });
  private readonly failure = new Gauge({ name: 'ledger_projection_failure_info', help: 'The error of a failing projection, as a label (first 200 characters); value 1', labelNames: ['projection', 'error'], registers: [this.registry] });

  private readonly sealLag = new Gauge({ name: 'ledger_seal_lag_events', help: 'Events recorded that no seal holds yet (the latest seal’s own event, which the next seal holds, not counted)', registers: [this.registry] });
  private readonly sealLagSeconds = new Gauge({ name: 'ledger_seal_lag_seconds', help: 'Seconds since the oldest unsealed event was recorded (0 when none waits)', registers: [this.registry] });
  private readonly sealAccessLag = new Gauge({ name: 'ledger_seal_lag_read_access_entries', help: 'Read-access entries that no seal holds yet', registers: [this.registry] });
  private readonly sealSeq = new Gauge({ name: 'ledger_seal_latest_seq', help: 'The latest seal’s number (0: none)', registers: [this.registry] });
  private readonly sealTreeSize = new Gauge({ name: 'ledger_seal_latest_tree_size', help: 'Leaves in the latest seal’s tree', registers: [this.registry] });
  private readonly sealedAt = new Gauge({ name: 'ledger_seal_latest_time_seconds', help: 'Unix time of the latest seal', registers: [this.registry] });
  private readonly sealerFailing = new Gauge({ name: 'ledger_sealer_failing', help: '1 while this process’s scheduled sealer fails (it retries every interval)', registers: [this.registry] });
  private readonly sinkFailing = new Gauge({ name: 'ledger_seal_sink_failing', help: '1 while a sink cannot take the seals (they are kept and retried)', labelNames: ['sink'], registers: [this.registry] });
  private readonly sinkPublished = new Gauge({ name: 'ledger_seal_sink_published_seq', help: 'The last seal this process published to the sink', labelNames: ['sink'], registers: [this.registry] });
  private readonly accessPending = new Gauge({ name: 'ledger_read_access_pending', help: 'Read-access entries queued in this process, not yet written', registers: [this.registry] });
  private readonly inFlight = new Gauge({ name: 'ledger_http_requests_in_flight', help: 'Requests this process is answering now (health and metrics not counted)', registers: [this.registry] });
  private readonly inFlightLimit = new Gauge({ name: 'ledger_http_requests_in_flight_limit', help: 'LEDGER_MAX_REQUESTS_IN_FLIGHT: requests answered at once before more are refused 503 Overloaded', registers: [this.registry] });
  private readonly refused = new Gauge({ name: 'ledger_http_requests_refused_overloaded_total', help: 'Requests refused 503 Overloaded since the process started', registers: [this.registry] });
  private readonly accessDropped = new Gauge({ name: 'ledger_read_access_dropped_total', help: 'Read-access entries dropped because the queue was full (the database could not be written for long)', registers: [this.registry] });

  constructor(
    private readonly projections: ProjectionRunner,
    @Inject(METRICS_ACCESS) private readonly access: MetricsAccess,
    @Inject(SEALER) private readonly sealer: Sealer,
    @Inject(READ_ACCESS_LOG_WRITER) private readonly accessLog: ReadAccessLog,
    private readonly requests: RequestsInFlight,
  ) {
    collectDefaultMetrics({ register: this.registry });
  }

  @Get()
  @Public()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics: process, requests in flight and refused, projection lag, sealing lag and sinks, the read-access log’s queue' })
  @ApiProduces('text/plain')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'Prometheus text exposition format 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } })
  @ApiProblems(401, 403)
  async metrics(@Req() request: FastifyRequest): Promise<string> {
    const refusal = refuseMetricsTo(request, this.access);
    if (refusal) throw refusal;
    this.failingPosition.reset();
    this.failingAttempts.reset();
    this.failingSince.reset();
    this.failure.reset();
    for (const s of await this.projections.status()) {
      const projection = { projection: s.projection };
      this.lag.set(projection, s.lag);
      this.applied.set(projection, s.eventsApplied);
      this.active.set(projection, s.active ? 1 : 0);
      this.failing.set(projection, s.failing ? 1 : 0);
      if (s.failing) {
        this.failingPosition.set(projection, s.failing.position);
        this.failingAttempts.set(projection, s.failing.attempts);
        this.failingSince.set(projection, Math.floor(s.failing.since.getTime() / 1000));
        this.failure.set({ ...projection, error: s.failing.error.slice(0, 200) }, 1);
      }
    }
    const sealing = await this.sealer.status();
    this.sealLag.set(sealing.unsealedEvents);
    this.sealLagSeconds.set(sealing.lagSeconds);
    this.sealAccessLag.set(sealing.unsealedAccessEntries);
    this.sealSeq.set(sealing.latest?.seq ?? 0);
    this.sealTreeSize.set(sealing.latest?.treeSize ?? 0);
    this.sealedAt.set(sealing.latest ? Date.parse(sealing.latest.sealedAt) / 1000 : 0);
    this.sealerFailing.set(sealing.failing ? 1 : 0);
    for (const sink of sealing.sinks) {
      this.sinkFailing.set({ sink: sink.sink }, sink.failing ? 1 : 0);
      this.sinkPublished.set({ sink: sink.sink }, sink.publishedThrough);
    }
    this.accessPending.set(this.accessLog.pending);
    this.accessDropped.set(this.accessLog.dropped);
    this.inFlight.set(this.requests.count);
    this.inFlightLimit.set(this.requests.limit);
    this.refused.set(this.requests.refused);
    return this.registry.metrics();
  }
}
