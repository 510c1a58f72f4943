import {
  aadhaarStartBody,
  aadhaarStartResponse,
  aadhaarVerifyBody,
  aadhaarVerifyResponse,
  backgroundCheckConfirmBody,
  backgroundCheckSchema,
  bankAccountBody,
  bankAccountSchema,
  myProviderProfileSchema,
  otpSentSchema,
  providerIdParams,
  providerStatusChangeSchema,
  publicProviderProfileSchema,
  updateProviderProfileBody,
} from '@localpro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../../http/auth';
import type { Onboarding } from './providers.wiring';

const tags = ['providers'];

/** The provider's own onboarding endpoints and the public profile. */
export function providersRoutes(o: Onboarding): FastifyPluginAsyncZod {
  return async (app) => {
    const provider = (req: Parameters<typeof requireRole>[0]) => requireRole(req, 'PROVIDER');

    app.get(
      '/providers/me',
      {
        schema: {
          tags,
          summary: 'My provider profile, status and onboarding checklist',
          response: { 200: myProviderProfileSchema },
        },
      },
      async (req) => o.providers.getMyProfile(provider(req)),
    );
    app.put(
      '/providers/me',
      {
        schema: {
          tags,
          summary: 'Update my profile (partial)',
          body: updateProviderProfileBody,
          response: { 200: myProviderProfileSchema },
        },
      },
      async (req) => o.providers.updateMyProfile(provider(req), req.body, req.ip),
    );
    app.post(
      '/providers/me/submit',
      { schema: { tags, summary: 'Submit my profile for admin review', response: { 200: providerStatusChangeSchema } } },
      async (req) => o.providers.submitForReview(provider(req), req.ip),
    );

    app.post(
      '/providers/me/bank-account/otp',
      {
        schema: { tags, summary: 'Send a code to my phone to authorise a bank account change', response: { 200: otpSentSchema } },
      },
      async (req) => o.bankAccount.requestOtp(provider(req)),
    );
    app.put(
      '/providers/me/bank-account',
      {
        schema: {
          tags,
          summary: 'Set my payout bank account (stored masked)',
          body: bankAccountBody,
          response: { 200: bankAccountSchema },
        },
      },
      async (req) => o.bankAccount.setBankAccount(provider(req), req.body, req.ip),
    );

    app.post(
      '/providers/me/kyc/aadhaar',
      {
        schema: {
          tags,
          summary: 'Start Aadhaar e-KYC: an OTP goes to the Aadhaar-linked mobile',
          body: aadhaarStartBody,
          response: { 200: aadhaarStartResponse },
        },
      },
      async (req) => o.kyc.startAadhaar(provider(req), req.body.aadhaarNumber),
    );
    app.post(
      '/providers/me/kyc/aadhaar/verify',
      {
        schema: { tags, summary: 'Verify the Aadhaar OTP', body: aadhaarVerifyBody, response: { 200: aadhaarVerifyResponse } },
      },
      async (req) => o.kyc.verifyAadhaar(provider(req), req.body, req.ip),
    );

    app.get(
      '/providers/me/background-check',
      { schema: { tags, summary: 'My latest background check', response: { 200: backgroundCheckSchema } } },
      async (req) => o.backgroundChecks.getMine(provider(req)),
    );
    app.post(
      '/providers/me/background-check',
      {
        schema: { tags, summary: 'Request a background check: creates the fee order', response: { 200: backgroundCheckSchema } },
      },
      async (req) => o.backgroundChecks.requestCheck(provider(req)),
    );
    app.post(
      '/providers/me/background-check/confirm',
      {
        schema: {
          tags,
          summary: 'Confirm the fee payment (checkout signature) and start the check',
          body: backgroundCheckConfirmBody,
          response: { 200: backgroundCheckSchema },
        },
      },
      async (req) => o.backgroundChecks.confirmPayment(provider(req), req.body, req.ip),
    );

    app.get(
      '/providers/:id',
      {
        schema: {
          tags,
          summary: 'Public provider profile (404 unless approved, except for the provider and admins)',
          params: providerIdParams,
          response: { 200: publicProviderProfileSchema },
        },
      },
      async (req) => {
        // Public route: a missing or bad token reads as the public; an admin without TOTP too.
        return o.providers.getPublicProfile(req.actor, req.params.id);
      },
    );
  };
}
