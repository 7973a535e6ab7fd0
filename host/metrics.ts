import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { UpstreamThrottle } from '../ports/upstream-throttle.js';
import { errorEnvelope } from './http/error-mapping.js';
import type { EnedisExchange } from '../adapters/enedis/enedis-http-client.js';

/** The gateway's Prometheus registry: process metrics, HTTP requests, and calls to Enedis. */
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly requests: Histogram<'method' | 'route' | 'status'>;
  private readonly enedisCalls: Counter<'api' | 'endpoint' | 'outcome'>;
  private readonly throttleWait: Histogram;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Histogram({
      name: 'gateway_http_request_duration_seconds',
      help: 'HTTP requests by route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.enedisCalls = new Counter({
      name: 'gateway_upstream_calls_total',
      help: 'HTTP calls to Enedis by API, endpoint and outcome (status, timeout, network)',
      labelNames: ['api', 'endpoint', 'outcome'],
      registers: [this.registry],
    });
    this.throttleWait = new Histogram({
      name: 'gateway_upstream_throttle_wait_seconds',
      help: 'Time calls to Enedis waited for the shared throttle (per API: ENEDIS_RATE_PER_SECOND, ENEDIS_RATE_PER_HOUR)',
      buckets: [0, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20],
      registers: [this.registry],
    });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.requests.observe({ method, route, status: String(status) }, seconds);
  }

  observeEnedis(exchange: EnedisExchange): void {
    this.enedisCalls.inc({ api: exchange.api, endpoint: exchange.path, outcome: String(exchange.status) });
    this.throttleWait.observe(exchange.throttleWaitMs / 1000);
  }

  /** Each API's hourly budget, read from the throttle at every scrape (shared by all processes with Redis). */
  watchBudgets(apis: readonly string[], throttle: UpstreamThrottle): void {
    const read = async () => Promise.all(apis.map((api) => throttle.budget(api).catch(() => null)));
    new Gauge({
      name: 'gateway_upstream_budget_remaining',
      help: 'Calls each Enedis API may still take this clock hour',
      labelNames: ['api'],
      registers: [this.registry],
      async collect() {
        for (const budget of await read()) if (budget) this.set({ api: budget.api }, Math.max(0, budget.limitPerHour - budget.usedThisHour));
      },
    });
    new Gauge({
      name: 'gateway_upstream_budget_used',
      help: 'Calls each Enedis API has taken this clock hour',
      labelNames: ['api'],
      registers: [this.registry],
      async collect() {
        for (const budget of await read()) if (budget) this.set({ api: budget.api }, budget.usedThisHour);
      },
    });
  }

  /**
   * `GET /metrics`. With a token configured, only `Authorization: Bearer <token>` is let in;
   * without one, only clients on the same machine: the client address as TRUST_PROXY makes it, so a
   * request relayed by a local reverse proxy counts as the remote client it comes from.
   */
  handler(token: string | null): RequestHandler {
    const expected = token === null ? null : Buffer.from(`Bearer ${token}`);
    return async (req, res) => {
      const presented = Buffer.from(req.headers.authorization ?? '');
      const allowed =
        expected !== null
          ? presented.length === expected.length && timingSafeEqual(presented, expected)
          : ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.ip ?? '');
      if (!allowed) {
        res
          .status(token !== null ? 401 : 403)
          .json(errorEnvelope(token !== null ? 'UNAUTHORIZED' : 'FORBIDDEN', 'metrics need METRICS_TOKEN or a local client'));
        return;
      }
      res.type(this.registry.contentType).send(await this.registry.metrics());
    };
  }
}
