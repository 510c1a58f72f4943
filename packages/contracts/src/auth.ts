import { z } from 'zod';

/** A phone as typed by a person; the server normalises it to +91 and 10 digits (or answers 400 INVALID_PHONE). */
export const phoneInput = z.string().trim().min(1).max(32);

export const otpRequestBody = z.strictObject({ phone: phoneInput });
export const otpRequestResponse = z.object({ expiresInSec: z.number().int(), resendAfterSec: z.number().int() });

export const signUpRole = z.enum(['CUSTOMER', 'PROVIDER']);
export const otpVerifyBody = z.strictObject({
  phone: phoneInput,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'The code has 6 digits'),
  /** Only used when the number signs up for the first time. ADMIN is never self-chosen. */
  role: signUpRole.optional(),
});

export const userRoleSchema = z.enum(['CUSTOMER', 'PROVIDER', 'ADMIN']);
export const userLanguageSchema = z.enum(['en', 'hi']);

export const authUser = z.object({
  id: z.string().uuid(),
  role: userRoleSchema,
  phone: z.string(),
  name: z.string().nullable(),
  preferredLanguage: userLanguageSchema,
  customerId: z.string().uuid().nullable(),
  providerId: z.string().uuid().nullable(),
});
export type AuthUser = z.infer<typeof authUser>;

/** What an admin must do next: nothing, enrol an authenticator, or confirm a code from it. */
export const secondFactorStep = z.enum(['NONE', 'TOTP_ENROL', 'TOTP_VERIFY']);

export const tokenPairResponse = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  accessTokenExpiresInSec: z.number().int(),
  isNewUser: z.boolean(),
  secondFactor: secondFactorStep,
  user: authUser,
});

export const refreshBody = z.strictObject({ refreshToken: z.string().min(20).max(200) });
export const logoutBody = z.strictObject({ refreshToken: z.string().min(20).max(200).optional() }).nullish();

export const verifyTokenResponse = z.object({ user: authUser });

export const sessionItem = z.object({
  /** Stable per device/login (the refresh-token family). */
  id: z.string().uuid(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  signedInAt: z.string(),
  lastActiveAt: z.string(),
  current: z.boolean(),
});
export const sessionsResponse = z.object({ items: z.array(sessionItem) });
export const sessionIdParams = z.object({ id: z.string().uuid() });

export const totpEnrollResponse = z.object({ otpauthUri: z.string(), qrDataUrl: z.string(), secret: z.string() });
export const totpCodeBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'The code has 6 digits'),
});
export const totpVerifyResponse = z.object({
  accessToken: z.string(),
  /** Only on the first successful verification (enrolment): show once, store safely. */
  recoveryCodes: z.array(z.string()).optional(),
});
export const recoveryCodeBody = z.strictObject({ code: z.string().trim().min(8).max(32) });
export const recoveryLoginResponse = z.object({ accessToken: z.string(), recoveryCodesLeft: z.number().int() });

export const devOutboxQuery = z.object({ to: z.string().trim().min(3).max(254) });
export const devOutboxResponse = z.object({
  items: z.array(z.object({ channel: z.string(), to: z.string(), body: z.string(), createdAt: z.string() })),
});
