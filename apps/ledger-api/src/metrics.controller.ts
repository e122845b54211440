import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { Public } from '#identity';
import { ProjectionRunner } from '#read-models';

/**
 * Prometheus text format: process metrics, and per projection its lag (events a gap-free reader
 * can see that it has not applied) and the events it has applied. Public, for a scraper on the
 * internal network: it shows counts, never content.
 */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  private readonly registry = new Registry();
  private readonly lag = new Gauge({ name: 'ledger_projection_lag_events', help: 'Events in the log not yet applied by the projection', labelNames: ['projection'], registers: [this.registry] });
  private readonly applied = new Gauge({ name: 'ledger_projection_events_applied', help: 'Events the projection has read since it was last built', labelNames: ['projection'], registers: [this.registry] });
  private readonly active = new Gauge({ name: 'ledger_projection_active', help: '1 when this process runs the projection', labelNames: ['projection'], registers: [this.registry] });

  constructor(private readonly projections: ProjectionRunner) {
    collectDefaultMetrics({ register: this.registry });
  }

  @Get()
  @Public()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics: process, and projection lag' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } })
  async metrics(): Promise<string> {
    for (const s of await this.projections.status()) {
      this.lag.set({ projection: s.projection }, s.lag);
      this.applied.set({ projection: s.projection }, s.eventsApplied);
      this.active.set({ projection: s.projection }, s.active ? 1 : 0);
    }
    return this.registry.metrics();
  }
}
