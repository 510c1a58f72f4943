import { createHash, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/auth';
import { enforceLimit, type RateLimiter } from '../../http/rate-limit';
import { AppError, businessRule } from '../../lib/errors';
import { numericCode } from '../../lib/ids';
import { recordAudit } from '../audit/audit.repository';
import type { PayoutAccountRegistrar } from './payout-account';
import { maskAccountNumber } from './profile-rules';
import type { ProvidersRepository } from './providers.repository';
import type { ProvidersService } from './providers.service';

const OTP_TTL_SEC = 600;
const MAX_TRIES = 5;

const hashCode = (providerId: string, code: string) => createHash('sha256').update(`bank-otp:${providerId}:${code}`).digest();

/** Payout bank account: changing it needs a fresh OTP to the provider's phone. Only the masked number is kept. */
export function createBankAccountService(deps: {
  db: Db;
  repo: ProvidersRepository;
  providers: ProvidersService;
  rateLimiter: RateLimiter;
  sendSms(to: string, body: string): Promise<void>;
  registrar: PayoutAccountRegistrar;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());

  async function requestOtp(actor: Actor) {
    const own = await deps.providers.findOwn(actor);
    await enforceLimit(deps.rateLimiter, `bank-otp:${own.profile.id}`, 3, 600, 'Too many codes requested; try again later');
    const code = numericCode(6);
    await deps.repo.insertBankOtp(deps.db, {
      providerId: own.profile.id,
      codeHash: hashCode(own.profile.id, code).toString('hex'),
      expiresAt: new Date(now().getTime() + OTP_TTL_SEC * 1000),
    });
    await deps.sendSms(
      actor.phone,
      `${code} is your LocalPro code to change your payout bank account. Do not share it. / ${code} आपके पेआउट बैंक खाते को बदलने का LocalPro कोड है। इसे किसी से साझा न करें।`,
    );
    return { sent: true as const, expiresInSec: OTP_TTL_SEC };
  }

  async function setBankAccount(
    actor: Actor,
    input: { accountNumber: string; ifsc: string; holderName: string; otp: string },
    ip?: string,
  ) {
    const own = await deps.providers.findOwn(actor);
    const providerId = own.profile.id;
    const verdict = await deps.db.transaction(async (tx) => {
      const otp = await deps.repo.latestBankOtp(tx, providerId);
      if (!otp || otp.usedAt || otp.expiresAt.getTime() < now().getTime()) return 'EXPIRED' as const;
      if (otp.attempts >= MAX_TRIES) return 'LOCKED' as const;
      const ok = timingSafeEqual(Buffer.from(otp.codeHash, 'hex'), hashCode(providerId, input.otp));
      await deps.repo.updateBankOtp(
        tx,
        otp.id,
        ok ? { usedAt: now(), attempts: otp.attempts + 1 } : { attempts: otp.attempts + 1 },
      );
      return ok ? ('OK' as const) : ('WRONG' as const);
    });
    if (verdict === 'EXPIRED') throw businessRule('OTP_EXPIRED', 'Request a new code first');
    if (verdict === 'LOCKED') throw businessRule('OTP_LOCKED', 'Too many wrong codes; request a new one');
    if (verdict === 'WRONG') throw businessRule('OTP_INVALID', 'The code is not correct');

    const { reference } = await deps.registrar.register({ ...input, providerId });
    const accountMasked = maskAccountNumber(input.accountNumber);
    await deps.db.transaction(async (tx) => {
      const before = await deps.repo.lock(tx, providerId);
      if (!before) throw new AppError('NOT_FOUND', 'Provider profile not found');
      await deps.repo.update(tx, providerId, {
        bankAccountMasked: accountMasked,
        bankIfsc: input.ifsc,
        bankAccountHolder: input.holderName,
        bankPayoutRef: reference,
        bankUpdatedAt: now(),
      });
      await recordAudit(tx, {
        actorUserId: actor.userId,
        action: 'provider.bank_account_changed',
        objectType: 'provider_profile',
        objectId: providerId,
        before: before.bankAccountMasked ? { accountMasked: before.bankAccountMasked, ifsc: before.bankIfsc } : null,
        after: { accountMasked, ifsc: input.ifsc },
        ip: ip ?? null,
      });
    });
    return { accountMasked, ifsc: input.ifsc, holderName: input.holderName };
  }

  return { requestOtp, setBankAccount };
}
