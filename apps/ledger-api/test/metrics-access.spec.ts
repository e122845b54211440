import { describe, expect, it } from '@jest/globals';
import type { FastifyRequest } from 'fastify';
import { refuseMetricsTo } from '../src/metrics.controller.js';

const request = (ip: string, authorization?: string) => ({ ip, headers: authorization ? { authorization } : {} }) as unknown as FastifyRequest;

describe('who may read the metrics', () => {
  it('without METRICS_TOKEN: a client on this machine, no one else', () => {
    for (const ip of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(refuseMetricsTo(request(ip), {})).toBeUndefined();
    for (const ip of ['10.0.0.7', '192.168.1.20', '::ffff:10.0.0.7']) expect(refuseMetricsTo(request(ip), {})).toMatchObject({ code: 'MetricsForLoopbackOnly', kind: 'forbidden' });
  });

  it('with METRICS_TOKEN: its bearer, from anywhere, and no one else, even on this machine', () => {
    const access = { token: 'scraper-7f3c9a1e2b4d6f80' };
    expect(refuseMetricsTo(request('10.0.0.7', 'Bearer scraper-7f3c9a1e2b4d6f80'), access)).toBeUndefined();
    expect(refuseMetricsTo(request('127.0.0.1'), access)).toMatchObject({ code: 'MetricsTokenRequired', kind: 'unauthenticated' });
    expect(refuseMetricsTo(request('10.0.0.7', 'Bearer scraper-7f3c9a1e2b4d6f8'), access)).toMatchObject({ code: 'MetricsTokenRequired' });
    expect(refuseMetricsTo(request('10.0.0.7', 'Basic scraper-7f3c9a1e2b4d6f80'), access)).toMatchObject({ code: 'MetricsTokenRequired' });
  });
});
