import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { createTestApp, type TestApp } from './app';
import { adminOnly, authzMatrix, type MatrixContext, publicRoute, signedIn } from './authz/matrix';
import { createUser } from './factories/index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const address = { label: 'Home', addressText: '12 MG Road, Hazratganj', pincode: '226001', lat: 26.85, lng: 80.95 };

/** An address owned by the matrix customer (fresh for each cell). */
async function customerAddressUrl(ctx: MatrixContext): Promise<string> {
  const res = await ctx.t.app.inject({
    method: 'POST',
    url: '/api/me/addresses',
    headers: ctx.actors.customer.headers,
    payload: address,
  });
  return `/api/me/addresses/${res.json().id}`;
}

/** Another signed-in device of the matrix customer (fresh for each cell, so revoking it leaves the actor signed in). */
async function customerSessionUrl(ctx: MatrixContext): Promise<string> {
  const familyId = randomUUID();
  await ctx.c.database.query(
    `insert into sessions (user_id, family_id, refresh_token_hash, expires_at) values ($1, $2, $3, now() + interval '1 day')`,
    [ctx.actors.customer.id, familyId, randomUUID()],
  );
  return `/api/auth/sessions/${familyId}`;
}

const targetUser = async (ctx: MatrixContext) => `/api/admin/users/${(await createUser(ctx.c)).id}`;

describe('identity routes × roles', () => {
  authzMatrix(
    () => t,
    [
      { method: 'GET', url: '/api/auth/verify-token', expect: signedIn },
      { method: 'GET', url: '/api/auth/sessions', expect: signedIn },
      {
        name: "revoke the customer's device",
        method: 'DELETE',
        url: customerSessionUrl,
        // Only the owner can end it; for everyone else it does not exist.
        expect: { ...signedIn, otherCustomer: 404, provider: 404, otherProvider: 404, admin: 404, adminNo2fa: 404 },
      },
      { method: 'GET', url: '/api/me', expect: signedIn },
      { method: 'PATCH', url: '/api/me', body: { name: 'Asha Verma' }, expect: signedIn },
      {
        method: 'GET',
        url: '/api/me/addresses',
        expect: { ...signedIn, provider: 403, otherProvider: 403, admin: 403, adminNo2fa: 403 },
      },
      {
        method: 'POST',
        url: '/api/me/addresses',
        body: address,
        expect: { ...signedIn, provider: 403, otherProvider: 403, admin: 403, adminNo2fa: 403 },
      },
      {
        name: "change the customer's address",
        method: 'PATCH',
        url: customerAddressUrl,
        body: { label: 'Office' },
        expect: { ...signedIn, otherCustomer: 404, provider: 403, otherProvider: 403, admin: 403, adminNo2fa: 403 },
      },
      {
        name: "delete the customer's address",
        method: 'DELETE',
        url: customerAddressUrl,
        expect: { ...signedIn, otherCustomer: 404, provider: 403, otherProvider: 403, admin: 403, adminNo2fa: 403 },
      },
      {
        // Before the enrol row: matrix admins have no authenticator yet, so they pass authorization and are told to enrol (409).
        method: 'POST',
        url: '/api/auth/totp/verify',
        body: { code: '123456' },
        expect: {
          ...signedIn,
          customer: 403,
          otherCustomer: 403,
          provider: 403,
          otherProvider: 403,
          admin: 409,
          adminNo2fa: 409,
        },
      },
      {
        method: 'POST',
        url: '/api/auth/totp/enroll',
        expect: { ...signedIn, customer: 403, otherCustomer: 403, provider: 403, otherProvider: 403 },
      },
      {
        method: 'POST',
        url: '/api/auth/totp/recover',
        body: { code: 'ABCDE-FGHJK' },
        expect: {
          ...signedIn,
          customer: 403,
          otherCustomer: 403,
          provider: 403,
          otherProvider: 403,
          admin: 409,
          adminNo2fa: 409,
        },
      },
      { method: 'GET', url: '/api/admin/users', expect: adminOnly },
      {
        name: 'promote',
        method: 'POST',
        url: async (ctx) => `${await targetUser(ctx)}/role`,
        body: { role: 'PROVIDER' },
        expect: adminOnly,
      },
      {
        name: 'suspend',
        method: 'POST',
        url: async (ctx) => `${await targetUser(ctx)}/status`,
        body: { status: 'SUSPENDED', reason: 'Repeated no-shows' },
        expect: adminOnly,
      },
      { method: 'GET', url: '/api/dev/outbox?to=%2B919876543210', expect: publicRoute },
      { method: 'GET', url: '/api/health', expect: publicRoute },
    ],
  );
});
