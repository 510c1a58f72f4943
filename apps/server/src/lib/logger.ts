import type { FastifyBaseLogger } from 'fastify';
import pino, { type LoggerOptions } from 'pino';

/** Paths never written to logs: tokens, OTPs, secrets, Aadhaar, phones. */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-razorpay-signature"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.otp',
  '*.code',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.secret',
  '*.aadhaarNumber',
  '*.phone',
  '*.to',
  'phone',
  'otp',
  'code',
  'token',
  'aadhaarNumber',
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: maskUrl(req.url) }),
      // A Fastify reply or a raw response: the status only (never its headers, which may set cookies).
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: serializeError,
    },
  };
}

/**
 * pino's error serializer, plus the error's code copied to `errorCode`: `*.code` is redacted (an OTP or TOTP
 * code may sit in any object's `code`), which would otherwise also hide a SQLSTATE (`23505`), a system
 * error (`ECONNREFUSED`) or our AppError code — what an on-call engineer looks for first.
 */
export function serializeError(err: unknown) {
  const out = pino.stdSerializers.err(err as Error) as ReturnType<typeof pino.stdSerializers.err> & { errorCode?: string };
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' || typeof code === 'number') out.errorCode = String(code);
  return out;
}

/** Query strings may carry phones (`/api/dev/outbox?to=`); keep the path only. */
export function maskUrl(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : `${url.slice(0, q)}?[redacted]`;
}

export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino(loggerOptions(level), destination);
}

type LogFn = (obj: unknown, msg?: string, ...args: unknown[]) => void;
const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;
type Method = keyof typeof LEVELS;

/**
 * A request's logger that builds its pino child (with the request id binding) only when something is
 * actually logged at an enabled level. pino's child() serialises and redacts the bindings up front, which
 * cost more per request than the whole health handler; most requests (e.g. routes at `logLevel: 'warn'`)
 * never log, so most never pay for it. Behaves like the child it stands for: same level, same bindings.
 */
class LazyChildLogger {
  #real: pino.Logger | null = null;
  #min: number;
  constructor(
    private readonly parent: pino.Logger,
    private readonly childBindings: pino.Bindings,
    private readonly childOptions: pino.ChildLoggerOptions,
  ) {
    this.#min = childOptions.level ? (parent.levels.values[childOptions.level] ?? parent.levelVal) : parent.levelVal;
  }
  #logger(): pino.Logger {
    if (!this.#real) this.#real = this.parent.child(this.childBindings, this.childOptions);
    return this.#real;
  }
  get level(): string {
    return this.#real ? this.#real.level : (this.childOptions.level ?? this.parent.level);
  }
  set level(level: string) {
    this.#logger().level = level;
    this.#min = this.#logger().levelVal;
  }
  isLevelEnabled(level: string): boolean {
    return (this.parent.levels.values[level] ?? Number.POSITIVE_INFINITY) >= this.#min;
  }
  bindings(): pino.Bindings {
    return this.#logger().bindings();
  }
  child(bindings: pino.Bindings, options?: pino.ChildLoggerOptions): pino.Logger {
    return this.#logger().child(bindings, options);
  }
  silent(): void {}
  #log(method: Method, args: unknown[]): void {
    if (LEVELS[method] >= this.#min) (this.#logger()[method] as LogFn)(...(args as [unknown]));
  }
  trace(...args: unknown[]) {
    this.#log('trace', args);
  }
  debug(...args: unknown[]) {
    this.#log('debug', args);
  }
  info(...args: unknown[]) {
    this.#log('info', args);
  }
  warn(...args: unknown[]) {
    this.#log('warn', args);
  }
  error(...args: unknown[]) {
    this.#log('error', args);
  }
  fatal(...args: unknown[]) {
    this.#log('fatal', args);
  }
}

/** Fastify `childLoggerFactory`: the per-request logger, created lazily (see LazyChildLogger). */
export function lazyChildLoggerFactory(
  logger: FastifyBaseLogger,
  bindings: pino.Bindings,
  options: pino.ChildLoggerOptions,
): FastifyBaseLogger {
  return new LazyChildLogger(logger as pino.Logger, bindings, options) as unknown as FastifyBaseLogger;
}

/**
 * The childLoggerFactory for a Fastify instance created with `logger: false`: each request's logger is a
 * lazy child of `root` (our process logger), whatever Fastify passes as parent. See app.ts for why
 * Fastify's own logger is off.
 */
export function requestLoggerFactory(root: pino.Logger) {
  return (_fastifyLogger: FastifyBaseLogger, bindings: pino.Bindings, options: pino.ChildLoggerOptions): FastifyBaseLogger =>
    lazyChildLoggerFactory(root, bindings, options);
}
