import type { Db } from '../../db/client';
import type { Actor } from '../../http/auth';
import { enforceLimit, type RateLimiter } from '../../http/rate-limit';
import { KycError, type KycProvider } from '../../integrations/kyc/port';
import { isValidAadhaar, maskAadhaar } from '../../integrations/kyc/verhoeff';
import { AppError, businessRule, notFound } from '../../lib/errors';
import type { EventBus } from '../../lib/events';
import { recordAudit } from '../audit/audit.repository';
import type { Notifier } from '../notifications/notify';
import { updateUser } from '../users/users.repository';
import type { ProvidersRepository } from './providers.repository';
import type { ProvidersService } from './providers.service';

const OTP_TTL_SEC = 600;

/**
 * Aadhaar e-KYC. The full number lives only in this function's arguments on its way to the vendor:
 * it is never stored, logged, put in an error, an audit entry or a job. We keep XXXX-XXXX-1234 and
 * the vendor's reference.
 */
export function createKycService(deps: {
  db: Db;
  repo: ProvidersRepository;
  providers: ProvidersService;
  kyc: KycProvider;
  rateLimiter: RateLimiter;
  notifier: Notifier;
  events: EventBus;
  config: { KYC_MAX_OTP_ATTEMPTS: number; KYC_STARTS_PER_DAY: number };
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const vendorError = (err: unknown): AppError => {
    if (!(err instanceof KycError))
      return new AppError('VENDOR_UNAVAILABLE', 'The Aadhaar service is not available; try again later');
    switch (err.kind) {
      case 'AADHAAR_REJECTED':
        return businessRule('KYC_REJECTED', 'An OTP could not be sent for this Aadhaar number');
      case 'OTP_EXPIRED':
        return businessRule('KYC_EXPIRED', 'This verification has expired; start again');
      case 'OTP_INVALID':
        return businessRule('KYC_OTP_INVALID', 'The OTP is not correct');
      default:
        return new AppError('VENDOR_UNAVAILABLE', 'The Aadhaar service is not available; try again later');
    }
  };

  async function startAadhaar(actor: Actor, rawNumber: string) {
    const own = await deps.providers.findOwn(actor);
    if (own.profile.aadhaarVerified)
      throw new AppError('KYC_ALREADY_VERIFIED', 'Your Aadhaar is already verified', { status: 409 });
    const aadhaarNumber = rawNumber.replace(/[\s-]/g, '');
    if (!isValidAadhaar(aadhaarNumber)) {
      throw new AppError('INVALID_AADHAAR', 'Enter a valid 12-digit Aadhaar number', {
        status: 400,
        details: [{ path: 'body.aadhaarNumber', message: 'Not a valid Aadhaar number' }],
      });
    }
    await enforceLimit(
      deps.rateLimiter,
      `kyc:start:${own.profile.id}`,
      deps.config.KYC_STARTS_PER_DAY,
      86_400,
      'Too many Aadhaar attempts today',
    );
    let referenceId: string;
    try {
      ({ referenceId } = await deps.kyc.start(aadhaarNumber, { phone: actor.phone }));
    } catch (err) {
      throw vendorError(err);
    }
    const record = await deps.repo.insertKyc(deps.db, {
      providerId: own.profile.id,
      aadhaarMasked: maskAadhaar(aadhaarNumber),
      vendor: deps.kyc.vendor,
      vendorReference: referenceId,
      status: 'OTP_SENT',
      expiresAt: new Date(now().getTime() + OTP_TTL_SEC * 1000),
    });
    return { referenceId: record.id, aadhaarMasked: record.aadhaarMasked, expiresInSec: OTP_TTL_SEC };
  }

  async function verifyAadhaar(actor: Actor, input: { referenceId: string; otp: string }, ip?: string) {
    const own = await deps.providers.findOwn(actor);
    const providerId = own.profile.id;
    if (!/^[0-9a-f-]{36}$/i.test(input.referenceId)) throw notFound('Verification');
    const max = deps.config.KYC_MAX_OTP_ATTEMPTS;
    // Count the attempt in its own transaction so a wrong OTP cannot be retried for free.
    const record = await deps.db.transaction(async (tx) => {
      const r = await deps.repo.lockKyc(tx, input.referenceId, providerId);
      if (!r) throw notFound('Verification');
      if (r.status !== 'OTP_SENT')
        throw new AppError('KYC_NOT_PENDING', 'This verification is finished; start again', { status: 409 });
      if (r.expiresAt && r.expiresAt.getTime() < now().getTime()) {
        await deps.repo.updateKyc(tx, r.id, { status: 'EXPIRED' });
        return { ...r, status: 'EXPIRED' };
      }
      if (r.attempts >= max) return { ...r, status: 'FAILED' };
      await deps.repo.updateKyc(tx, r.id, { attempts: r.attempts + 1 });
      return { ...r, attempts: r.attempts + 1 };
    });
    if (record.status === 'EXPIRED') throw businessRule('KYC_EXPIRED', 'This verification has expired; start again');
    if (record.status === 'FAILED') throw businessRule('KYC_ATTEMPTS_EXCEEDED', 'Too many wrong OTPs; start again');

    let identity: Awaited<ReturnType<KycProvider['verify']>>;
    try {
      identity = await deps.kyc.verify(record.vendorReference, input.otp);
    } catch (err) {
      const appErr = vendorError(err);
      if (err instanceof KycError && (err.kind === 'OTP_INVALID' || err.kind === 'OTP_EXPIRED')) {
        const left = Math.max(0, max - record.attempts);
        const status = err.kind === 'OTP_EXPIRED' ? 'EXPIRED' : left === 0 ? 'FAILED' : 'OTP_SENT';
        if (status !== 'OTP_SENT') await deps.repo.updateKyc(deps.db, record.id, { status });
        throw new AppError(appErr.code, appErr.message, {
          status: appErr.status,
          details: { attemptsLeft: status === 'OTP_SENT' ? left : 0 },
        });
      }
      throw appErr;
    }
    if (identity.last4 && identity.last4 !== record.aadhaarMasked.slice(-4)) {
      await deps.repo.updateKyc(deps.db, record.id, { status: 'FAILED' });
      throw businessRule('KYC_MISMATCH', 'The verified Aadhaar does not match the number entered');
    }

    const profile = await deps.db.transaction(async (tx) => {
      const at = now();
      await deps.repo.updateKyc(tx, record.id, { status: 'VERIFIED', verifiedName: identity.name, verifiedAt: at });
      const before = await deps.repo.lock(tx, providerId);
      const after = await deps.repo.update(tx, providerId, {
        aadhaarVerified: true,
        aadhaarMasked: record.aadhaarMasked,
        aadhaarVerifiedAt: at,
        ...(identity.dateOfBirth ? { dateOfBirth: identity.dateOfBirth } : {}),
        ...(identity.address ? { address: identity.address } : {}),
      });
      await updateUser(tx, actor.userId, { name: identity.name });
      await recordAudit(tx, {
        actorUserId: actor.userId,
        action: 'provider.aadhaar_verified',
        objectType: 'provider_profile',
        objectId: providerId,
        before: { aadhaarVerified: before?.aadhaarVerified ?? false },
        after: { aadhaarVerified: true, aadhaarMasked: record.aadhaarMasked, vendor: record.vendor, kycRecordId: record.id },
        ip: ip ?? null,
      });
      await deps.notifier.notify(tx, {
        userId: actor.userId,
        type: 'KYC_VERIFIED',
        data: { providerId, aadhaarMasked: record.aadhaarMasked },
      });
      return after;
    });
    deps.events.emit('provider.updated', { providerId, userId: actor.userId, status: profile.status });
    return {
      aadhaarVerified: true as const,
      aadhaarMasked: record.aadhaarMasked,
      name: identity.name,
      dateOfBirth: identity.dateOfBirth,
      address: identity.address,
    };
  }

  return { startAadhaar, verifyAadhaar };
}
export type KycService = ReturnType<typeof createKycService>;
