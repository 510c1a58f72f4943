import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import { AppError, forbidden } from '../lib/errors';
import { sessions } from '../modules/auth/auth.tables';
import type { TokenSigner } from '../modules/auth/tokens';
import { providerProfiles } from '../modules/providers/providers.tables';
import { customerProfiles, users } from '../modules/users/users.tables';

export type Role = 'CUSTOMER' | 'PROVIDER' | 'ADMIN';

/** Who is calling. Built once per request from the token and the current user row. */
export interface Actor {
  userId: string;
  role: Role;
  sessionId: string;
  phone: string;
  language: 'en' | 'hi';
  customerId: string | null;
  providerId: string | null;
  /** Admin passed TOTP in this session. */
  secondFactor: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    authError: AppError | null;
  }
}

/** Resolves a bearer token to an Actor, refusing expired, revoked, stale (tokenVersion) or banned callers. */
export function createActorResolver(db: Db, signer: TokenSigner) {
  return async function resolveActor(token: string): Promise<Actor> {
    const claims = await signer.verify(token);
    const [row] = await db
      .select({
        id: users.id,
        role: users.role,
        phone: users.phone,
        status: users.status,
        tokenVersion: users.tokenVersion,
        language: users.preferredLanguage,
        sessionRevokedAt: sessions.revokedAt,
        sessionSecondFactorAt: sessions.secondFactorAt,
        customerId: customerProfiles.id,
        providerId: providerProfiles.id,
      })
      .from(users)
      .innerJoin(sessions, eq(sessions.id, claims.sid))
      .leftJoin(customerProfiles, eq(customerProfiles.userId, users.id))
      .leftJoin(providerProfiles, eq(providerProfiles.userId, users.id))
      .where(eq(users.id, claims.sub))
      .limit(1);
    if (!row) throw new AppError('TOKEN_INVALID', 'The access token is not valid');
    // A banned/suspended user learns why (403) even though their sessions were revoked too.
    if (row.status !== 'ACTIVE') throw new AppError('USER_BANNED', 'This account is suspended');
    if (row.sessionRevokedAt) throw new AppError('SESSION_REVOKED', 'This session has been signed out');
    if (row.tokenVersion !== claims.tv || row.role !== claims.role) {
      throw new AppError('SESSION_REVOKED', 'Your access has changed; sign in again');
    }
    return {
      userId: row.id,
      role: row.role,
      sessionId: claims.sid,
      phone: row.phone,
      language: row.language,
      customerId: row.customerId,
      providerId: row.providerId,
      secondFactor: row.sessionSecondFactorAt != null,
    };
  };
}
export type ActorResolver = ReturnType<typeof createActorResolver>;

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  return m?.[1] ?? null;
}

/** Attaches `req.actor` when a valid token is presented; `requireActor` decides whether one is needed. */
export function registerAuth(app: FastifyInstance, resolveActor: ActorResolver): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('authError', null);
  // Synchronous unless a token was sent: anonymous requests (health probes, catalogue) skip the promise.
  app.addHook('onRequest', (req, _reply, done) => {
    const token = bearerToken(req.headers.authorization) ?? readCookie(req.headers.cookie, 'lp_at');
    if (!token) return done();
    resolveActor(token).then(
      (actor) => {
        req.actor = actor;
        done();
      },
      (err: unknown) => {
        if (!(err instanceof AppError)) return done(err as Error);
        req.authError = err;
        done();
      },
    );
  });
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** The authenticated caller, or 401 (with the precise reason when a bad token was sent). */
export function requireActor(req: FastifyRequest): Actor {
  if (req.actor) return req.actor;
  throw req.authError ?? new AppError('UNAUTHENTICATED', 'Sign in to continue');
}

/** The caller if their role is one of `roles`; admins must also have passed the second factor. */
export function requireRole(req: FastifyRequest, ...roles: Role[]): Actor {
  const actor = requireActor(req);
  if (!roles.includes(actor.role)) throw forbidden(`This needs the ${roles.join(' or ')} role`);
  if (actor.role === 'ADMIN' && !actor.secondFactor) {
    throw new AppError('SECOND_FACTOR_REQUIRED', 'Confirm your authenticator code first');
  }
  return actor;
}

export const requireAdmin = (req: FastifyRequest) => requireRole(req, 'ADMIN');

/**
 * Object-level authorization (no BOLA): passes when the caller owns the object or is an admin
 * with a second factor. Use `notFoundInstead` where existence itself must not leak.
 */
export function assertCanAccess(
  actor: Actor,
  owners: { userIds?: (string | null | undefined)[]; customerId?: string | null; providerId?: string | null },
  opts: { allowAdmin?: boolean; notFoundInstead?: string } = {},
): void {
  const allowAdmin = opts.allowAdmin ?? true;
  if (allowAdmin && actor.role === 'ADMIN' && actor.secondFactor) return;
  const ok =
    (owners.userIds ?? []).some((id) => id && id === actor.userId) ||
    (owners.customerId != null && owners.customerId === actor.customerId) ||
    (owners.providerId != null && owners.providerId === actor.providerId);
  if (ok) return;
  if (opts.notFoundInstead) throw new AppError('NOT_FOUND', `${opts.notFoundInstead} not found`);
  throw forbidden();
}
