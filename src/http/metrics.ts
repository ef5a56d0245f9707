import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PoolStats } from '../db/client.js';

/** Per-app registry: several apps in one process (tests) never share or clash. */
export function installMetrics(app: FastifyInstance, poolStats: () => PoolStats): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'steward_http_requests_total',
    help: 'HTTP requests answered, by route template and status',
    labelNames,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'steward_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by route template and status',
    labelNames,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const poolGauge = (name: string, help: string, pick: (stats: PoolStats) => number): void => {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(pick(poolStats()));
      },
    });
  };
  poolGauge('steward_db_pool_connections', 'Database connections open', (s) => s.total);
  poolGauge('steward_db_pool_idle', 'Database connections idle', (s) => s.idle);
  poolGauge('steward_db_pool_waiting', 'Queries waiting for a database connection', (s) => s.waiting);

  app.addHook('onResponse', async (req, reply) => {
    // Unmatched URLs share one label, or a scanner could grow the series without bound.
    const labels = {
      method: req.method,
      route: req.is404 ? 'unmatched' : (req.routeOptions.url ?? 'unmatched'),
      status: String(reply.statusCode),
    };
    requests.inc(labels);
    latency.observe(labels, reply.elapsedTime / 1000);
  });
  return registry;
}
