import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/auth';
import { enforceLimit, type RateLimiter } from '../../http/rate-limit';
import { AppError } from '../../lib/errors';
import { readableCode } from '../../lib/ids';
import { recordAudit } from '../audit/audit.repository';
import * as usersRepo from '../users/users.repository';
import * as repo from './auth.repository';
import { decryptSecret, deriveKey, encryptSecret, hmacHex } from './secrets';

const ISSUER = 'LocalPro Connect';
const RECOVERY_CODE_COUNT = 10;
const TRIES_PER_5_MIN = 5;

/** "abcde fghij" / "ABCDE-FGHIJ" → "ABCDEFGHIJ". */
export function normalizeRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

function totpFor(secretBase32: string, label: string) {
  return new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

/** Admin second factor (RFC 6238 TOTP): enrolment, verification and one-time recovery codes. */
export function createTotpService(deps: {
  db: Db;
  config: Config;
  rateLimiter: RateLimiter;
  reissueAccessToken: (actor: Actor) => Promise<string>;
  now?: () => Date;
}) {
  const { db, config, rateLimiter } = deps;
  const now = deps.now ?? (() => new Date());
  const secretKey = deriveKey(config.jwtSecret, 'totp-secret');
  const recoveryKey = deriveKey(config.jwtSecret, 'recovery-code');
  const hashRecovery = (userId: string, code: string) => hmacHex(recoveryKey, `${userId}:${normalizeRecoveryCode(code)}`);

  function requireAdminUser(actor: Actor) {
    if (actor.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only admins use an authenticator app');
  }
  async function loadUser(actor: Actor) {
    const user = await usersRepo.findUserById(db, actor.userId);
    if (!user) throw new AppError('SESSION_REVOKED', 'This session has been signed out');
    return user;
  }

  return {
    /** Starts (or restarts, until confirmed) enrolment: a new secret, as an otpauth:// URI and a QR code. */
    async enroll(actor: Actor) {
      requireAdminUser(actor);
      const user = await loadUser(actor);
      if (user.totpEnabledAt) {
        throw new AppError('TOTP_ALREADY_ENROLLED', 'An authenticator is already set up for this account', { status: 409 });
      }
      const secret = new OTPAuth.Secret({ size: 20 });
      const totp = totpFor(secret.base32, user.phone);
      await usersRepo.updateUser(db, user.id, { totpSecretEnc: encryptSecret(secretKey, secret.base32) });
      const otpauthUri = totp.toString();
      return { otpauthUri, qrDataUrl: await QRCode.toDataURL(otpauthUri), secret: secret.base32 };
    },

    /**
     * Checks a 6-digit code (±1 step, each step usable once). The first success confirms enrolment and
     * returns recovery codes; every success marks this session as having passed the second factor.
     */
    async verify(actor: Actor, code: string, ip: string | null) {
      requireAdminUser(actor);
      const user = await loadUser(actor);
      if (!user.totpSecretEnc) throw new AppError('TOTP_NOT_ENROLLED', 'Set up an authenticator first', { status: 409 });
      await enforceLimit(
        rateLimiter,
        `totp:${user.id}`,
        TRIES_PER_5_MIN,
        300,
        'Too many authenticator codes; wait a few minutes',
      );
      const totp = totpFor(decryptSecret(secretKey, user.totpSecretEnc), user.phone);
      const t = now();
      const delta = totp.validate({ token: code, timestamp: t.getTime(), window: 1 });
      if (delta === null) throw new AppError('TOTP_INVALID', 'The authenticator code is not correct', { status: 400 });
      const step = OTPAuth.TOTP.counter({ period: 30, timestamp: t.getTime() }) + delta;
      const replay = await rateLimiter.hit(`totp-used:${user.id}:${step}`, 1, 120);
      if (!replay.allowed) throw new AppError('TOTP_INVALID', 'This authenticator code was already used', { status: 400 });

      let recoveryCodes: string[] | undefined;
      await db.transaction(async (tx) => {
        if (!user.totpEnabledAt) {
          recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
            const c = readableCode(10);
            return `${c.slice(0, 5)}-${c.slice(5)}`;
          });
          await usersRepo.updateUser(tx, user.id, { totpEnabledAt: t });
          await repo.replaceRecoveryCodes(
            tx,
            user.id,
            recoveryCodes.map((c) => hashRecovery(user.id, c)),
          );
          await recordAudit(tx, {
            actorUserId: user.id,
            action: 'ADMIN_TOTP_ENROLLED',
            objectType: 'user',
            objectId: user.id,
            ip,
          });
        }
        await repo.markSecondFactor(tx, actor.sessionId, t);
      });
      await rateLimiter.reset(`totp:${user.id}`); // the limit counts failures in a row
      return { accessToken: await deps.reissueAccessToken(actor), ...(recoveryCodes ? { recoveryCodes } : {}) };
    },

    /** Lost phone: one recovery code (single use) passes the second factor for this session. */
    async recover(actor: Actor, code: string, ip: string | null) {
      requireAdminUser(actor);
      const user = await loadUser(actor);
      if (!user.totpEnabledAt) throw new AppError('TOTP_NOT_ENROLLED', 'Set up an authenticator first', { status: 409 });
      await enforceLimit(rateLimiter, `totp:${user.id}`, TRIES_PER_5_MIN, 300, 'Too many attempts; wait a few minutes');
      const t = now();
      const ok = await db.transaction(async (tx) => {
        if (!(await repo.useRecoveryCode(tx, user.id, hashRecovery(user.id, code), t))) return false;
        await repo.markSecondFactor(tx, actor.sessionId, t);
        await recordAudit(tx, {
          actorUserId: user.id,
          action: 'ADMIN_RECOVERY_CODE_USED',
          objectType: 'user',
          objectId: user.id,
          ip,
        });
        return true;
      });
      if (!ok)
        throw new AppError('RECOVERY_CODE_INVALID', 'This recovery code is not valid or was already used', { status: 400 });
      await rateLimiter.reset(`totp:${user.id}`);
      return {
        accessToken: await deps.reissueAccessToken(actor),
        recoveryCodesLeft: await repo.countUnusedRecoveryCodes(db, user.id),
      };
    },
  };
}
export type TotpService = ReturnType<typeof createTotpService>;
