import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isDatabaseDown } from '../lib/errors';

/** Maps any thrown thing to DESIGN §7's error shape. The only place that decides HTTP statuses. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { validation?: unknown[] };
  if (hasZodFastifySchemaValidationErrors(e)) {
    return new AppError('VALIDATION_FAILED', 'The request is not valid', {
      details: e.validation.map((v) => ({
        path: `${e.validationContext ?? 'body'}${v.instancePath ? v.instancePath.replaceAll('/', '.') : ''}`,
        message: v.message,
        ...(v.params?.issue && typeof v.params.issue === 'object' && 'keys' in (v.params.issue as object)
          ? { keys: (v.params.issue as { keys: string[] }).keys }
          : {}),
      })),
    });
  }
  if (e?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (e?.statusCode === 400 && e instanceof SyntaxError)) {
    return new AppError('INVALID_JSON', 'The request body is not valid JSON');
  }
  if (e?.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e?.code === 'FST_REQ_FILE_TOO_LARGE' || e?.statusCode === 413) {
    return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large');
  }
  if (e?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e?.statusCode === 415) {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported content type');
  }
  if (e?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return new AppError('INVALID_JSON', 'The request body is empty');
  if (e?.code === 'FST_ERR_RATE_LIMITED' || e?.statusCode === 429) return new AppError('RATE_LIMITED', 'Too many requests');
  if (isDatabaseDown(err)) return new AppError('SERVICE_UNAVAILABLE', 'The service is temporarily unavailable');
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError('BAD_REQUEST', 'The request is not valid', { status: e.statusCode });
  }
  return new AppError('INTERNAL', 'Something went wrong on our side', { cause: err });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const appErr = toAppError(err);
    if (appErr.status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ errorCode: appErr.code, status: appErr.status }, 'request refused');
    if (appErr.headers) void reply.headers(appErr.headers);
    if (appErr.status === 503) void reply.header('Retry-After', '5');
    return reply.status(appErr.status).send(appErr.toBody());
  });
  app.setNotFoundHandler((req, reply) => {
    const err = new AppError('ROUTE_NOT_FOUND', `No route ${req.method} ${req.url.split('?')[0]}`);
    req.log.info({ errorCode: err.code, status: 404 }, 'request refused');
    return reply.status(404).send(err.toBody());
  });
}
