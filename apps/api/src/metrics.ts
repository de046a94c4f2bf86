import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one node: HTTP requests and tRPC procedures, labelled with the node id. */
export function createMetrics(nodeId: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ node: nodeId });
  collectDefaultMetrics({ register: registry });

  const httpRequests = new Counter({
    name: 'absensi_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const procedureCalls = new Counter({
    name: 'absensi_trpc_calls_total',
    help: 'tRPC procedure calls by procedure, type and result code',
    labelNames: ['procedure', 'type', 'code'] as const,
    registers: [registry],
  });
  const procedureSeconds = new Histogram({
    name: 'absensi_trpc_duration_seconds',
    help: 'tRPC procedure latency',
    labelNames: ['procedure', 'type'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
    registers: [registry],
  });

  return {
    registry,
    observeRequest(method: string, route: string, status: number) {
      httpRequests.inc({ method, route, status: String(status) });
    },
    observeProcedure(sample: { path: string; type: string; durationMs: number; code: string }) {
      procedureCalls.inc({ procedure: sample.path, type: sample.type, code: sample.code });
      procedureSeconds.observe(
        { procedure: sample.path, type: sample.type },
        sample.durationMs / 1000,
      );
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
