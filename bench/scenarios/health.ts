import type { BenchScenario } from '../types';

/** GET /api/health of our full app (every hook, helmet, CORS, request ids) against bare Fastify and node:http. */
export const scenario: BenchScenario = {
  name: 'health',
  description:
    'GET /api/health: our server vs a bare Fastify hello-world vs bare node:http, same run, loopback. Ours also sends a request id and three security headers (HSTS only over HTTPS), runs the CORS, rate-limit and auth hooks, checks the response against its zod schema and has a per-request logger; the bare servers do none of that.',
  baseline: 'bare Fastify',
  goal: { label: 'LocalPro /api/health', minRatio: 0.85 },
  // Short runs, many rounds: the median of per-round ratios is what counts, and this machine's speed drifts.
  durationSec: 5,
  rounds: 7,
  targets: [
    { label: 'LocalPro /api/health', server: 'app', env: { SEED_DEMO_DATA: 'false' }, request: { path: '/api/health' } },
    {
      label: 'LocalPro, PGlite on the request thread',
      server: 'app',
      env: { SEED_DEMO_DATA: 'false', PGLITE_WORKER: 'false' },
      request: { path: '/api/health' },
    },
    { label: 'bare Fastify', server: 'bare-fastify', request: { path: '/api/health' } },
    { label: 'bare node:http', server: 'bare-http', request: { path: '/api/health' } },
  ],
};
