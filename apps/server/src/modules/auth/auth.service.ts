import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/auth';
import { enforceLimit, type RateLimiter } from '../../http/rate-limit';
import type { SmsSender } from '../../integrations/sms/port';
import { AppError, rateLimited } from '../../lib/errors';
import type { EventBus } from '../../lib/events';
import { numericCode, randomToken } from '../../lib/ids';
import * as usersRepo from '../users/users.repository';
import * as repo from './auth.repository';
import {
  OTP_MAX_WRONG_TRIES,
  OTP_REQUESTS_PER_IP_PER_HOUR,
  OTP_REQUESTS_PER_IP_PER_MINUTE,
  OTP_SENDS_PER_PHONE_PER_HOUR,
  OTP_TTL_SEC,
  OTP_VERIFIES_PER_IP_PER_10_MIN,
  resendCooldownSec,
} from './otp-rules';
import { otpSmsText } from './otp-sms';
import { normalizeIndianPhone, requireIndianPhone } from './phone';
import { deriveKey, hmacHex, sameDigest } from './secrets';
import { sha256, type TokenSigner } from './tokens';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface AuthUserView {
  id: string;
  role: usersRepo.Role;
  phone: string;
  name: string | null;
  preferredLanguage: 'en' | 'hi';
  customerId: string | null;
  providerId: string | null;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresInSec: number;
  isNewUser: boolean;
  secondFactor: 'NONE' | 'TOTP_ENROL' | 'TOTP_VERIFY';
  user: AuthUserView;
}

const otpError = {
  expired: () => new AppError('OTP_EXPIRED', 'This code has expired or was not requested. Ask for a new code.', { status: 400 }),
  used: () => new AppError('OTP_ALREADY_USED', 'This code was already used. Ask for a new code.', { status: 400 }),
  locked: () => new AppError('OTP_LOCKED', 'Too many wrong codes. Ask for a new code.', { status: 400 }),
  invalid: (attemptsLeft: number) =>
    new AppError('OTP_INVALID', 'The code is not correct', { status: 400, details: { attemptsLeft } }),
};

/** Phone-OTP sign-in, refresh-token rotation with reuse detection, logout and device sessions. */
export function createAuthService(deps: {
  db: Db;
  config: Config;
  rateLimiter: RateLimiter;
  sms: SmsSender;
  tokenSigner: TokenSigner;
  events: EventBus;
  now?: () => Date;
}) {
  const { db, config, rateLimiter, sms, tokenSigner, events } = deps;
  const now = deps.now ?? (() => new Date());
  const otpKey = deriveKey(config.jwtSecret, 'otp-hash');
  const adminPhones = new Set(config.ADMIN_PHONES.map((p) => normalizeIndianPhone(p)).filter((p): p is string => p !== null));
  const hashOtp = (phone: string, code: string) => hmacHex(otpKey, `${phone}:${code}`);
  /** After the revocation committed: live sockets of these sessions end at once (realtime/fanout.ts). */
  const sessionsEnded = (
    ended: { userId: string; sessionIds: string[] } | null,
    code: 'SESSION_REVOKED' | 'USER_BANNED' = 'SESSION_REVOKED',
  ) => {
    if (ended) events.emit('auth.sessions-ended', { ...ended, code });
  };

  async function toView(userId: string): Promise<AuthUserView> {
    const row = await usersRepo.findUserWithProfiles(db, userId);
    if (!row) throw new AppError('TOKEN_INVALID', 'The access token is not valid');
    const u = row.user;
    return {
      id: u.id,
      role: u.role,
      phone: u.phone,
      name: u.name,
      preferredLanguage: u.preferredLanguage,
      customerId: row.customerId,
      providerId: row.providerId,
    };
  }

  async function signAccess(user: { id: string; role: usersRepo.Role; tokenVersion: number }, session: repo.SessionRow) {
    return tokenSigner.sign({
      sub: user.id,
      sid: session.id,
      role: user.role,
      tv: user.tokenVersion,
      ...(session.secondFactorAt ? { mfa: Math.floor(session.secondFactorAt.getTime() / 1000) } : {}),
    });
  }

  async function issuePair(
    user: usersRepo.UserRow,
    session: repo.SessionRow,
    refreshToken: string,
    isNewUser: boolean,
  ): Promise<TokenPair> {
    const secondFactor =
      user.role !== 'ADMIN' || session.secondFactorAt ? 'NONE' : user.totpEnabledAt ? 'TOTP_VERIFY' : 'TOTP_ENROL';
    return {
      accessToken: await signAccess(user, session),
      refreshToken,
      accessTokenExpiresInSec: tokenSigner.ttlSec,
      isNewUser,
      secondFactor,
      user: await toView(user.id),
    };
  }

  const refreshExpiry = (t: Date) => new Date(t.getTime() + config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);

  return {
    /** Sends a code. Answers identically whether or not the number has an account. */
    async requestOtp(input: { phone: string }, client: ClientInfo) {
      const phone = requireIndianPhone(input.phone);
      const ip = client.ip ?? 'unknown';
      await enforceLimit(rateLimiter, `otp:ip-min:${ip}`, OTP_REQUESTS_PER_IP_PER_MINUTE, 60);
      await enforceLimit(rateLimiter, `otp:ip-hour:${ip}`, OTP_REQUESTS_PER_IP_PER_HOUR, 3600);
      const known = await usersRepo.findUserByPhone(db, phone);
      const t = now();
      const code = numericCode(6);
      const { challenge, sendCount } = await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`otp:${phone}`}))`);
        const latest = await repo.latestChallenge(tx, phone);
        // A resend (the previous code unused) waits a growing cooldown; a fresh sign-in after a used code does not.
        const recent = latest && !latest.consumedAt && latest.createdAt.getTime() > t.getTime() - 3600_000 ? latest : null;
        if (recent) {
          const waitMs = recent.lastSentAt.getTime() + resendCooldownSec(recent.sendCount) * 1000 - t.getTime();
          if (waitMs > 0) throw rateLimited(waitMs / 1000, 'Please wait before asking for another code');
        }
        await enforceLimit(
          rateLimiter,
          `otp:phone:${phone}`,
          OTP_SENDS_PER_PHONE_PER_HOUR,
          3600,
          'Too many codes for this number',
        );
        await enforceLimit(
          rateLimiter,
          'otp:sms-budget',
          config.SMS_HOURLY_BUDGET,
          3600,
          'Sign-in codes are paused; try again later',
        );
        const count = recent ? recent.sendCount + 1 : 1;
        await repo.supersedeChallenges(tx, phone, t);
        const row = await repo.insertChallenge(tx, {
          phone,
          codeHash: hashOtp(phone, code),
          sendCount: count,
          ip: client.ip,
          now: t,
          expiresAt: new Date(t.getTime() + OTP_TTL_SEC * 1000),
        });
        return { challenge: row, sendCount: count };
      });
      try {
        await sms.send({
          to: phone,
          body: otpSmsText(code, known ? known.preferredLanguage : null),
          vars: { otp: code, minutes: String(OTP_TTL_SEC / 60) },
        });
      } catch (err) {
        await repo.killChallenge(db, challenge.id, now());
        throw err;
      }
      return { expiresInSec: OTP_TTL_SEC, resendAfterSec: resendCooldownSec(sendCount) };
    },

    /** Checks the code; signs in (or up) and starts a new session family. */
    async verifyOtp(input: { phone: string; code: string; role?: 'CUSTOMER' | 'PROVIDER' }, client: ClientInfo) {
      const phone = requireIndianPhone(input.phone);
      await enforceLimit(rateLimiter, `otp-verify:ip:${client.ip ?? 'unknown'}`, OTP_VERIFIES_PER_IP_PER_10_MIN, 600);
      const t = now();
      const ch = await repo.latestChallenge(db, phone);
      const refuse = (c: repo.OtpChallenge | null): AppError => {
        if (!c) return otpError.expired();
        if (c.consumedAt) return otpError.used();
        if (c.deadAt && c.attempts >= OTP_MAX_WRONG_TRIES) return otpError.locked();
        return otpError.expired();
      };
      if (!ch || ch.consumedAt || ch.deadAt || ch.expiresAt <= t || ch.attempts >= OTP_MAX_WRONG_TRIES) throw refuse(ch);
      if (!sameDigest(ch.codeHash, hashOtp(phone, input.code))) {
        const attempts = await repo.recordWrongAttempt(db, ch.id, t, OTP_MAX_WRONG_TRIES);
        if (attempts === null) throw refuse(await repo.latestChallenge(db, phone));
        if (attempts >= OTP_MAX_WRONG_TRIES) throw otpError.locked();
        throw otpError.invalid(OTP_MAX_WRONG_TRIES - attempts);
      }
      if (!(await repo.consumeChallenge(db, ch.id, t, OTP_MAX_WRONG_TRIES))) throw refuse(await repo.latestChallenge(db, phone));

      const refreshToken = randomToken(32);
      const result = await db.transaction(async (tx) => {
        let user = await usersRepo.findUserByPhone(tx, phone);
        let isNewUser = false;
        if (!user) {
          const role = adminPhones.has(phone) ? 'ADMIN' : (input.role ?? 'CUSTOMER');
          const r = await usersRepo.insertUserOnce(tx, { phone, role });
          user = r.user;
          isNewUser = r.created;
        }
        if (user.status !== 'ACTIVE') return { banned: true as const };
        await usersRepo.ensureProfile(tx, user.id, user.role);
        user = (await usersRepo.updateUser(tx, user.id, { lastLoginAt: t })) ?? user;
        const session = await repo.insertSession(tx, {
          userId: user.id,
          familyId: randomUUID(),
          refreshTokenHash: sha256(refreshToken),
          userAgent: client.userAgent?.slice(0, 300) ?? null,
          ip: client.ip,
          expiresAt: refreshExpiry(t),
          now: t,
        });
        return { banned: false as const, user, session, isNewUser };
      });
      if (result.banned) throw new AppError('USER_BANNED', 'This account is suspended');
      return issuePair(result.user, result.session, refreshToken, result.isNewUser);
    },

    /**
     * Rotates a refresh token. Presenting one that was already rotated revokes its whole family —
     * also when two refreshes race: the loser waits for the winner's row lock and then sees reuse.
     */
    async refresh(input: { refreshToken: string }, client: ClientInfo): Promise<TokenPair> {
      const hash = sha256(input.refreshToken);
      const t = now();
      const next = randomToken(32);
      const outcome = await db.transaction(async (tx) => {
        const claimed = await repo.claimRefreshToken(tx, hash, t);
        if (!claimed) {
          const row = await repo.findSessionByHash(tx, hash);
          if (!row) return { error: 'REFRESH_TOKEN_INVALID' as const };
          if (row.revokedAt) return { error: 'SESSION_REVOKED' as const };
          if (row.rotatedAt) {
            const ended = await repo.revokeFamily(tx, row.familyId, 'REFRESH_TOKEN_REUSED', t);
            return { error: 'REFRESH_TOKEN_REUSED' as const, ended };
          }
          return { error: 'REFRESH_TOKEN_EXPIRED' as const };
        }
        const user = await usersRepo.findUserById(tx, claimed.userId);
        if (user?.status !== 'ACTIVE') {
          const ended = await repo.revokeFamily(tx, claimed.familyId, 'USER_BANNED', t);
          return { error: 'USER_BANNED' as const, ended };
        }
        const session = await repo.insertSession(tx, {
          userId: user.id,
          familyId: claimed.familyId,
          refreshTokenHash: sha256(next),
          userAgent: client.userAgent?.slice(0, 300) ?? claimed.userAgent,
          ip: client.ip ?? claimed.ip,
          expiresAt: refreshExpiry(t),
          secondFactorAt: claimed.secondFactorAt,
          now: t,
        });
        return { error: null, user, session };
      });
      if ('ended' in outcome)
        sessionsEnded(outcome.ended ?? null, outcome.error === 'USER_BANNED' ? 'USER_BANNED' : 'SESSION_REVOKED');
      switch (outcome.error) {
        case null:
          return issuePair(outcome.user, outcome.session, next, false);
        case 'USER_BANNED':
          throw new AppError('USER_BANNED', 'This account is suspended');
        case 'REFRESH_TOKEN_REUSED':
          throw new AppError('REFRESH_TOKEN_REUSED', 'This sign-in was ended for safety; sign in again', { status: 401 });
        case 'SESSION_REVOKED':
          throw new AppError('SESSION_REVOKED', 'This session has been signed out');
        case 'REFRESH_TOKEN_EXPIRED':
          throw new AppError('REFRESH_TOKEN_EXPIRED', 'Your sign-in has expired; sign in again', { status: 401 });
        default:
          throw new AppError('REFRESH_TOKEN_INVALID', 'The refresh token is not valid', { status: 401 });
      }
    },

    /** Ends this device's sign-in (by access token, or by refresh token when the access token has expired). */
    async logout(actor: Actor | null, refreshToken: string | undefined): Promise<void> {
      const t = now();
      if (actor) {
        const session = await repo.findSession(db, actor.sessionId);
        if (session) sessionsEnded(await repo.revokeFamily(db, session.familyId, 'LOGOUT', t));
        return;
      }
      if (!refreshToken) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
      const session = await repo.findSessionByHash(db, sha256(refreshToken));
      if (!session) throw new AppError('REFRESH_TOKEN_INVALID', 'The refresh token is not valid', { status: 401 });
      sessionsEnded(await repo.revokeFamily(db, session.familyId, 'LOGOUT', t));
    },

    /** Signs out every device: old access tokens die on their next request. */
    async logoutEverywhere(actor: Actor): Promise<void> {
      const t = now();
      await db.transaction(async (tx) => {
        await usersRepo.bumpTokenVersion(tx, actor.userId);
        await repo.revokeAllSessions(tx, actor.userId, 'LOGOUT_ALL', t);
      });
      events.emit('auth.sessions-ended', { userId: actor.userId, sessionIds: null, code: 'SESSION_REVOKED' });
    },

    async listSessions(actor: Actor) {
      const current = await repo.findSession(db, actor.sessionId);
      const families = await repo.listActiveFamilies(db, actor.userId, now());
      return {
        items: families.map((f) => ({
          id: f.familyId,
          userAgent: f.userAgent,
          ip: f.ip,
          signedInAt: f.signedInAt,
          lastActiveAt: f.lastActiveAt,
          current: f.familyId === current?.familyId,
        })),
      };
    },

    async revokeSession(actor: Actor, familyId: string): Promise<void> {
      const ended = await repo.revokeFamily(db, familyId, 'REVOKED_BY_USER', now(), actor.userId);
      if (!ended) throw new AppError('NOT_FOUND', 'Session not found');
      sessionsEnded(ended);
    },

    currentUser: (actor: Actor) => toView(actor.userId),

    /** A fresh access token for the caller's session (after the admin second factor). */
    async reissueAccessToken(actor: Actor): Promise<string> {
      const [user, session] = await Promise.all([
        usersRepo.findUserById(db, actor.userId),
        repo.findSession(db, actor.sessionId),
      ]);
      if (!user || !session) throw new AppError('SESSION_REVOKED', 'This session has been signed out');
      return signAccess(user, session);
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
