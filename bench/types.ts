/** A benchmark scenario: bench/scenarios/<name>.ts exports `scenario` of this type. */
export interface BenchRequest {
  path: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
}

export interface BenchTarget {
  label: string;
  /** `app` = our server (scratch PGlite, or DATABASE_URL), `bare-fastify`, `bare-http`, or a path to a server script under bench/. */
  server: 'app' | 'bare-fastify' | 'bare-http' | (string & {});
  /** Extra environment for the server process (e.g. BENCH_SEED: 'true' to load the demo data first). */
  env?: Record<string, string>;
  request: BenchRequest;
  /** Called once the server listens, before loading it: log in, create data, return extra headers. */
  prepare?: (baseUrl: string) => Promise<{ headers?: Record<string, string> } | undefined>;
}

export interface BenchScenario {
  name: string;
  description: string;
  targets: BenchTarget[];
  /** Label of the target the ratios are computed against. */
  baseline?: string;
  /** The target that should reach `minRatio` × the baseline's requests per second. */
  goal?: { label: string; minRatio: number };
  /** Load settings (defaults: 32 connections, 8 s, 2 rounds). Use an odd number of rounds for a goal. */
  connections?: number;
  durationSec?: number;
  rounds?: number;
}

export interface TargetResult {
  label: string;
  requestsPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
  cpuMicrosPerRequest: number;
  ratioToBaseline: number | null;
  /** Baseline CPU per request ÷ this target's: efficiency, much less sensitive to other load on the machine. */
  cpuRatioToBaseline: number | null;
  /** Median over rounds of this target's req/s ÷ the baseline's in the same round (the goal is judged on it). */
  medianRoundRatio: number | null;
}
