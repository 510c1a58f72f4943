import type { Database } from '../db/client';
import { AppError } from '../lib/errors';
import type { AccessClaims, TokenSigner } from '../modules/auth/tokens';

/** Verified tokens kept at most; the oldest are dropped first (a socket's token is re-verified then). */
const MAX_VERIFIED = 20_000;

interface SessionRow {
  id: string;
  user_id: string;
  revoked_at: unknown;
  token_version: number;
  status: string;
  role: string;
}
interface Waiter {
  resolve: (row: SessionRow | undefined) => void;
  reject: (err: unknown) => void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The per-event session re-check: the token must still verify (not expired) and its session must not be
 * revoked, nor the user's tokenVersion/role changed or the account suspended — the same rules and error
 * codes as http/auth.ts's resolveActor.
 * A socket keeps the token it connected with, so its signature is verified once (HMAC through WebCrypto was
 * the largest CPU cost per chat message) and every event re-checks its expiry locally. The database is asked
 * at most once per session every `recheckMs` (0: on every event): sign-outs, bans and role changes made through
 * the API end the session's sockets at once on every node (realtime/fanout.ts, `auth.sessions-ended`), so the
 * lookup only catches what bypassed the API (a row changed by hand) — within `recheckMs`. Events arriving
 * (from any socket on this node) while a lookup runs share the next one, a single `where id = any(…)` query.
 */
export function createSessionCheck(deps: {
  tokenSigner: TokenSigner;
  database: Database;
  recheckMs: number;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const verified = new Map<string, AccessClaims & { exp?: number }>();
  /** Token → until when its last database check stands. */
  const checkedUntil = new Map<string, number>();
  let waiting = new Map<string, Waiter[]>();
  let running = false;

  async function claimsOf(token: string): Promise<AccessClaims> {
    const known = verified.get(token);
    if (known) {
      if (known.exp !== undefined && known.exp * 1000 <= Date.now()) {
        verified.delete(token);
        throw new AppError('TOKEN_EXPIRED', 'The access token has expired');
      }
      return known;
    }
    const claims = await deps.tokenSigner.verify(token);
    if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value!);
    verified.set(token, claims);
    return claims;
  }

  async function lookupRound(): Promise<void> {
    running = true;
    while (waiting.size > 0) {
      const round = waiting;
      waiting = new Map();
      try {
        const { rows } = await deps.database.query<SessionRow>(
          'select s.id, s.user_id, s.revoked_at, u.token_version, u.status, u.role from sessions s join users u on u.id = s.user_id where s.id = any($1::uuid[])',
          [[...round.keys()]],
        );
        const byId = new Map(rows.map((r) => [String(r.id), r]));
        for (const [sid, waiters] of round) for (const w of waiters) w.resolve(byId.get(sid));
      } catch (err) {
        for (const waiters of round.values()) for (const w of waiters) w.reject(err);
      }
    }
    running = false;
  }

  function sessionRow(sid: string): Promise<SessionRow | undefined> {
    return new Promise((resolve, reject) => {
      const list = waiting.get(sid);
      if (list) list.push({ resolve, reject });
      else waiting.set(sid, [{ resolve, reject }]);
      if (!running) void lookupRound();
    });
  }

  return async function checkSession(token: string): Promise<void> {
    const claims = await claimsOf(token);
    const t = now();
    if ((checkedUntil.get(token) ?? 0) > t) return;
    const row = UUID.test(claims.sid) ? await sessionRow(claims.sid.toLowerCase()) : undefined;
    if (!row || String(row.user_id) !== claims.sub) throw new AppError('TOKEN_INVALID', 'The access token is not valid');
    if (row.revoked_at) throw new AppError('SESSION_REVOKED', 'This session has been signed out');
    if (row.token_version !== claims.tv || row.role !== claims.role)
      throw new AppError('SESSION_REVOKED', 'Your access has changed; sign in again');
    if (row.status !== 'ACTIVE') throw new AppError('USER_BANNED', 'This account is suspended');
    if (deps.recheckMs > 0) {
      if (checkedUntil.size >= MAX_VERIFIED) checkedUntil.delete(checkedUntil.keys().next().value!);
      checkedUntil.set(token, t + deps.recheckMs);
    }
  };
}
