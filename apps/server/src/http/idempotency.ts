import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import { AppError } from '../lib/errors';
import { idempotencyKeys } from './idempotency.tables';

const KEY_RE = /^[A-Za-z0-9_.:-]{8,128}$/;

/** The request's Idempotency-Key header, validated; null when absent (and not required). */
export function idempotencyKeyOf(req: FastifyRequest, required: boolean): string | null {
  const raw = req.headers['idempotency-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (key === undefined || key === '') {
    if (required) throw new AppError('IDEMPOTENCY_KEY_REQUIRED', 'Send an Idempotency-Key header', { status: 400 });
    return null;
  }
  if (!KEY_RE.test(key)) throw new AppError('VALIDATION_FAILED', 'Idempotency-Key must be 8–128 letters, digits or _.:-');
  return key;
}

/** Key-order-independent JSON, so the same body hashes the same however it was serialised. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

export interface StoredResponse<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/**
 * Runs `handler` once per (user, key, route). A replay with the same body returns the first
 * response; the same key with a different body → 422; while the first is still running → 409.
 * A handler that throws stores nothing, so the client may retry with the same key.
 */
export async function withIdempotency<T>(
  db: Db,
  scope: { userId: string; key: string | null; route: string; body: unknown },
  handler: () => Promise<{ status: number; body: T }>,
): Promise<StoredResponse<T>> {
  if (!scope.key) return { ...(await handler()), replayed: false };
  const key = scope.key;
  const requestHash = createHash('sha256').update(stable(scope.body)).digest('hex');
  const where = and(
    eq(idempotencyKeys.userId, scope.userId),
    eq(idempotencyKeys.key, key),
    eq(idempotencyKeys.route, scope.route),
  );
  const [claimed] = await db
    .insert(idempotencyKeys)
    .values({ userId: scope.userId, key, route: scope.route, requestHash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (!claimed) {
    const [row] = await db.select().from(idempotencyKeys).where(where);
    if (!row)
      throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is in progress', { status: 409 });
    if (row.requestHash !== requestHash) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request', { status: 422 });
    }
    if (row.responseStatus == null) {
      throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is in progress', { status: 409 });
    }
    return { status: row.responseStatus, body: row.responseBody as T, replayed: true };
  }
  try {
    const res = await handler();
    await db
      .update(idempotencyKeys)
      .set({ responseStatus: res.status, responseBody: res.body as object })
      .where(where);
    return { ...res, replayed: false };
  } catch (err) {
    await db.delete(idempotencyKeys).where(where);
    throw err;
  }
}
