import type { Database } from '../db/client';
import { AppError } from '../lib/errors';
import type { TokenSigner } from '../modules/auth/tokens';

/**
 * The per-event session re-check: the token must still verify (not expired) and its session must not be
 * revoked, nor the user's tokenVersion/role changed or the account suspended — the same rules and error
 * codes as http/auth.ts's resolveActor, in one indexed lookup (sessions by id joined to users) instead of
 * resolving the whole actor again on every chat message.
 */
export function createSessionCheck(deps: { tokenSigner: TokenSigner; database: Database }) {
  return async function checkSession(token: string): Promise<void> {
    const claims = await deps.tokenSigner.verify(token);
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
