import type { Ack } from '@localpro/contracts';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { Actor } from '../http/auth';
import { toAppError } from '../http/error-handler';
import { AppError } from '../lib/errors';

export interface SocketData {
  actor: Actor;
  token: string;
}

const SESSION_CODES = new Set(['TOKEN_EXPIRED', 'TOKEN_INVALID', 'SESSION_REVOKED', 'USER_BANNED']);

/**
 * Wraps one client event: re-validates the session (a revoked or expired session is told why and
 * disconnected; session-check.ts batches the lookups of all sockets), validates the payload with its contracts schema, runs the handler and acks
 * `{ ok: true, ... }` or `{ ok: false, error }` — the same error mapping as HTTP.
 */
export function handle<S extends z.ZodType, R extends object>(
  socket: Socket,
  event: string,
  schema: S,
  deps: { checkSession: (token: string) => Promise<void>; onError: (err: unknown, event: string) => void },
  handler: (payload: z.infer<S>, actor: Actor) => Promise<R>,
): void {
  socket.on(event, async (raw: unknown, maybeAck: unknown) => {
    const ack = (typeof maybeAck === 'function' ? maybeAck : () => {}) as (res: Ack<R>) => void;
    const data = socket.data as SocketData;
    const { actor } = data;
    try {
      await deps.checkSession(data.token);
    } catch (err) {
      const e = toAppError(err);
      ack({ ok: false, error: e.toBody().error });
      if (SESSION_CODES.has(e.code)) {
        socket.emit('session:ended', e.toBody().error);
        socket.disconnect(true);
      }
      return;
    }
    try {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        throw new AppError('VALIDATION_FAILED', 'The request is not valid', {
          details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        });
      }
      const result = await handler(parsed.data, actor);
      ack({ ok: true, ...result });
    } catch (err) {
      const e = toAppError(err);
      if (e.status >= 500) deps.onError(err, event);
      ack({ ok: false, error: e.toBody().error });
    }
  });
}
