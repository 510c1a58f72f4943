import type { Database } from '../db/client';
import { AppError } from '../lib/errors';
import type { AccessClaims, TokenSigner } from '../modules/auth/tokens';

/** Verified tokens kept at most; the oldest are dropped first (a socket's token is re-verified then). */
const MAX_VERIFIED = 20_000;

/**
 * The per-event session re-check: the token must still verify (not expired) and its session must not be
 * revoked, nor the user's tokenVersion/role changed or the account suspended — the same rules and error
 * codes as http/auth.ts's resolveActor, in one indexed lookup (sessions by id joined to users) instead of
 * resolving the whole actor again on every chat message.
 * A socket keeps the token it connected with, so its signature is verified once (HMAC through WebCrypto was
 * the largest CPU cost per chat message) and every event re-checks only its expiry, locally, and the database.
 */
export function createSessionCheck(deps: { tokenSigner: TokenSigner; database: Database }) {
  const verified = new Map<string, AccessClaims & { exp?: number }>();

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

  return async function checkSession(token: string): Promise<void> {
    const claims = await claimsOf(token);
    const { rows } = await deps.database.query<{ revoked_at: unknown; token_version: number; status: string; role: string }>(
      'select s.revoked_at, u.token_version, u.status, u.role from sessions s join users u on u.id = s.user_id where s.id = $1 and u.id = $2',
      [claims.sid, claims.sub],
    );
    const row = rows[0];
    if (!row) throw new AppError('TOKEN_INVALID', 'The access token is not valid');
    if (row.revoked_at) throw new AppError('SESSION_REVOKED', 'This session has been signed out');
    if (row.token_version !== claims.tv || row.role !== claims.role)
      throw new AppError('SESSION_REVOKED', 'Your access has changed; sign in again');
    if (row.status !== 'ACTIVE') throw new AppError('USER_BANNED', 'This account is suspended');
  };
}
