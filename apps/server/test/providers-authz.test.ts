import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import type { ProviderStatus } from '../src/modules/providers/provider-status';
import { documents } from '../src/modules/providers/providers.tables';
import { createTestApp, type TestApp } from './app';
import { adminOnly, authzMatrix, type MatrixContext, providerOnly, publicRoute } from './authz/matrix';
import { providerInStatus, testEnv } from './factories/onboarding';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(testEnv());
});
afterAll(async () => {
  await t?.close();
});

const ACTIONS = ['approve', 'reject', 'suspend', 'reinstate'] as const;
const LEGAL_FROM: Record<(typeof ACTIONS)[number], ProviderStatus> = {
  approve: 'PENDING_REVIEW',
  reject: 'PENDING_REVIEW',
  suspend: 'APPROVED',
  reinstate: 'SUSPENDED',
};

describe('authorization matrix', () => {
  const readyProvider = async (_ctx: MatrixContext, status: ProviderStatus) => (await providerInStatus(t.c, status)).providerId;
  const doc = async (ctx: MatrixContext) => {
    const [d] = await ctx.c.db
      .insert(documents)
      .values({
        ownerUserId: ctx.actors.provider.id,
        providerId: ctx.actors.provider.providerId,
        kind: 'CERTIFICATE',
        storageKey: `documents/${randomUUID()}.pdf`,
        mimeType: 'application/pdf',
        sizeBytes: 10,
      })
      .returning();
    await ctx.c.storage.put(d!.storageKey, Buffer.from('%PDF-1.4\n%%EOF'), 'application/pdf');
    return `/api/documents/${d!.id}`;
  };
  const noOne404 = {
    anonymous: 404,
    customer: 404,
    otherCustomer: 404,
    otherProvider: 404,
    adminNo2fa: 404,
    banned: 404,
  } as const;

  authzMatrix(
    () => t,
    [
      { method: 'GET', url: '/api/providers/me', expect: providerOnly },
      { method: 'PUT', url: '/api/providers/me', body: { description: 'hello' }, expect: providerOnly },
      { method: 'POST', url: '/api/providers/me/submit', expect: { ...providerOnly, provider: 422, otherProvider: 422 } },
      { method: 'POST', url: '/api/providers/me/bank-account/otp', expect: providerOnly },
      {
        method: 'PUT',
        url: '/api/providers/me/bank-account',
        body: { accountNumber: '123456789', ifsc: 'HDFC0001234', holderName: 'A B', otp: '000000' },
        expect: { ...providerOnly, provider: 422, otherProvider: 422 },
      },
      {
        method: 'POST',
        url: '/api/providers/me/kyc/aadhaar',
        body: { aadhaarNumber: '123412341234' },
        expect: { ...providerOnly, provider: 400, otherProvider: 400 },
      },
      {
        method: 'POST',
        url: '/api/providers/me/kyc/aadhaar/verify',
        body: { referenceId: randomUUID(), otp: '123456' },
        expect: { ...providerOnly, provider: 404, otherProvider: 404 },
      },
      {
        method: 'GET',
        url: '/api/providers/me/background-check',
        expect: { ...providerOnly, provider: 404, otherProvider: 404 },
      },
      {
        method: 'POST',
        url: '/api/providers/me/background-check',
        expect: { ...providerOnly, provider: 422, otherProvider: 422 },
      },
      {
        name: 'public profile of a live provider',
        method: 'GET',
        url: async (ctx) => `/api/providers/${await readyProvider(ctx, 'APPROVED')}`,
        expect: publicRoute,
      },
      {
        name: 'profile of a provider under review',
        method: 'GET',
        url: (ctx) => `/api/providers/${ctx.actors.provider.providerId}`,
        expect: { ...noOne404, provider: 'allow', admin: 'allow' },
      },
      { name: 'a certificate', method: 'GET', url: doc, expect: { ...noOne404, provider: 'allow', admin: 'allow' } },
      {
        name: 'delete a certificate',
        method: 'DELETE',
        url: doc,
        expect: { ...noOne404, anonymous: 401, banned: 403, admin: 404, provider: 'allow' },
      },
      { method: 'GET', url: '/api/admin/providers?status=PENDING_REVIEW', expect: adminOnly },
      { method: 'GET', url: '/api/admin/audit', expect: adminOnly },
      ...ACTIONS.map((a) => ({
        name: `admin ${a}`,
        method: 'POST' as const,
        url: async (ctx: MatrixContext) => `/api/admin/providers/${await readyProvider(ctx, LEGAL_FROM[a])}/${a}`,
        body: { reason: 'Matrix check' },
        expect: adminOnly,
      })),
    ],
  );
});
