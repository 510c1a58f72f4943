/** Machine-readable error codes → HTTP status. Add codes here; every layer throws AppError with one. */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  INVALID_PHONE: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_INVALID: 401,
  SESSION_REVOKED: 401,
  FORBIDDEN: 403,
  USER_BANNED: 403,
  SECOND_FACTOR_REQUIRED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  ILLEGAL_TRANSITION: 409,
  ALREADY_EXISTS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BUSINESS_RULE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  VENDOR_UNAVAILABLE: 502,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<string, number>;

export type KnownErrorCode = keyof typeof errorStatus;

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/**
 * The one application error. `code` is machine-readable; `status` defaults from the code table,
 * so feature codes (e.g. BOOKING_SLOT_TAKEN) pass their status explicitly.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: unknown;
  readonly headers?: Record<string, string>;

  constructor(
    code: KnownErrorCode | (string & {}),
    message: string,
    opts: { status?: number; details?: unknown; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = opts.status ?? (errorStatus as Record<string, number>)[code] ?? 500;
    this.details = opts.details;
    this.headers = opts.headers;
  }

  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) },
    };
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You may not do this') => new AppError('FORBIDDEN', message);
export const conflict = (code: string, message: string, details?: unknown) =>
  new AppError(code, message, { status: 409, details });
export const businessRule = (code: string, message: string, details?: unknown) =>
  new AppError(code, message, { status: 422, details });
export const rateLimited = (retryAfterSec: number, message = 'Too many requests, try again later') =>
  new AppError('RATE_LIMITED', message, {
    details: { retryAfterSec },
    headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSec))) },
  });

/**
 * True for errors meaning the database is unreachable (connection refused, terminated, etc). Looks
 * through `cause` too: Drizzle wraps driver errors in "Failed query: …".
 */
export function isDatabaseDown(err: unknown, depth = 0): boolean {
  const e = err as { code?: string; message?: string; cause?: unknown } | undefined;
  if (!e || depth > 5) return false;
  if (
    e.code &&
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08001', '08003', '08000'].includes(
      e.code,
    )
  )
    return true;
  if (
    /Connection terminated|connect ECONNREFUSED|Client has encountered a connection error|PGlite is closed|timeout exceeded when trying to connect/i.test(
      e.message ?? '',
    )
  )
    return true;
  return e.cause !== undefined && e.cause !== err && isDatabaseDown(e.cause, depth + 1);
}
