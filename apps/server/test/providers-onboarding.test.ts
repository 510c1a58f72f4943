import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../src/modules/notifications/notifications.tables';
import { createTestApp, type TestApp } from './app';
import { createCategory, createUser, uniquePhone } from './factories';
import { completeProfileBody, jpegWithGps, lastSmsTo, otpIn, testAadhaar, testEnv, upload } from './factories/onboarding';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(testEnv());
});
afterAll(async () => {
  await t?.close();
});

describe('provider onboarding, from a new phone number to a live profile', () => {
  it('runs the whole flow through the API', async () => {
    const { app, c } = t;
    const category = await createCategory(c.db);
    const events: string[] = [];
    c.events.on('provider.updated', (e) => {
      events.push(e.status);
    });

    // Sign up with a phone OTP as a provider.
    const phone = uniquePhone();
    expect((await app.inject({ method: 'POST', url: '/api/auth/otp/request', payload: { phone } })).statusCode).toBe(202);
    const code = otpIn(await lastSmsTo(c, phone));
    const signIn = await app.inject({ method: 'POST', url: '/api/auth/otp/verify', payload: { phone, code, role: 'PROVIDER' } });
    expect(signIn.statusCode).toBe(200);
    const headers = { authorization: `Bearer ${signIn.json().accessToken}` };

    // A fresh DRAFT with everything missing.
    const me0 = await app.inject({ url: '/api/providers/me', headers });
    expect(me0.statusCode).toBe(200);
    expect(me0.json()).toMatchObject({ status: 'DRAFT', checklist: { complete: false } });
    expect(me0.json().checklist.missing).toContain('BUSINESS_NAME');
    const providerId: string = me0.json().id;

    // Basic info, business details, service area.
    const put = await app.inject({
      method: 'PUT',
      url: '/api/providers/me',
      headers,
      payload: {
        ...completeProfileBody(category),
        email: `ramesh.${Date.now()}@example.in`,
        dateOfBirth: '1990-05-01',
        upiId: 'ramesh@okicici',
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().checklist.missing).toEqual(['PROFILE_PHOTO']);

    // Submitting without a photo is refused with what is missing.
    const early = await app.inject({ method: 'POST', url: '/api/providers/me/submit', headers });
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toMatchObject({ code: 'CHECKLIST_INCOMPLETE', details: { missing: ['PROFILE_PHOTO'] } });

    // Upload a profile photo.
    const photo = await upload(app, headers, 'PROFILE_PHOTO', await jpegWithGps());
    expect(photo.statusCode, photo.body).toBe(201);

    // Aadhaar e-KYC through the sandbox: the OTP arrives in the dev outbox of the provider's phone.
    const aadhaar = testAadhaar(4242);
    const start = await app.inject({
      method: 'POST',
      url: '/api/providers/me/kyc/aadhaar',
      headers,
      payload: { aadhaarNumber: aadhaar },
    });
    expect(start.statusCode, start.body).toBe(200);
    expect(start.json().aadhaarMasked).toBe(`XXXX-XXXX-${aadhaar.slice(-4)}`);
    const kycOtp = otpIn(await lastSmsTo(c, phone));
    const verify = await app.inject({
      method: 'POST',
      url: '/api/providers/me/kyc/aadhaar/verify',
      headers,
      payload: { referenceId: start.json().referenceId, otp: kycOtp },
    });
    expect(verify.statusCode, verify.body).toBe(200);
    expect(verify.json()).toMatchObject({ aadhaarVerified: true, aadhaarMasked: `XXXX-XXXX-${aadhaar.slice(-4)}` });

    // Payout bank account with a fresh OTP.
    expect((await app.inject({ method: 'POST', url: '/api/providers/me/bank-account/otp', headers })).statusCode).toBe(200);
    const bankOtp = otpIn(await lastSmsTo(c, phone));
    const bank = await app.inject({
      method: 'PUT',
      url: '/api/providers/me/bank-account',
      headers,
      payload: { accountNumber: '123456789012', ifsc: 'sbin0001234', holderName: 'Ramesh Kumar', otp: bankOtp },
    });
    expect(bank.statusCode, bank.body).toBe(200);
    expect(bank.json()).toEqual({ accountMasked: 'XXXXXX9012', ifsc: 'SBIN0001234', holderName: 'Ramesh Kumar' });

    // Background check: pay the category's fee through the sandbox gateway, the sandbox agency reports later.
    const bgc = await app.inject({ method: 'POST', url: '/api/providers/me/background-check', headers });
    expect(bgc.statusCode, bgc.body).toBe(200);
    expect(bgc.json()).toMatchObject({ status: 'FEE_PENDING', feePaise: 50_000 });
    const paid = c.sandboxGateway!.simulatePayment({ orderId: bgc.json().orderId, amountPaise: 50_000, outcome: 'success' });
    const confirm = await app.inject({
      method: 'POST',
      url: '/api/providers/me/background-check/confirm',
      headers,
      payload: { paymentId: paid.paymentId, signature: paid.signature },
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json().status).toBe('IN_PROGRESS');
    await c.jobs.drain!({ includeDelayed: true } as never);
    const afterCheck = await app.inject({ url: '/api/providers/me', headers });
    expect(afterCheck.json()).toMatchObject({
      backgroundStatus: 'PASSED',
      backgroundVerified: true,
      aadhaarVerified: true,
      badges: ['AADHAAR_VERIFIED', 'BACKGROUND_VERIFIED'],
      bankAccount: { accountMasked: 'XXXXXX9012' },
      checklist: { complete: true, missing: [] },
    });

    // Submit for review: not public yet.
    const submit = await app.inject({ method: 'POST', url: '/api/providers/me/submit', headers });
    expect(submit.statusCode, submit.body).toBe(200);
    expect(submit.json().status).toBe('PENDING_REVIEW');
    const customer = await createUser(c, { role: 'CUSTOMER' });
    expect((await app.inject({ url: `/api/providers/${providerId}`, headers: customer.headers })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/providers/${providerId}` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/providers/${providerId}`, headers })).statusCode).toBe(200);

    // The admin sees it in the queue, with documents, masked KYC and background status, and approves.
    const admin = await createUser(c, { role: 'ADMIN' });
    const queue = await app.inject({ url: '/api/admin/providers?status=PENDING_REVIEW', headers: admin.headers });
    expect(queue.statusCode, queue.body).toBe(200);
    const item = queue.json().items.find((i: { id: string }) => i.id === providerId);
    expect(item).toMatchObject({
      aadhaarVerified: true,
      aadhaarMasked: `XXXX-XXXX-${aadhaar.slice(-4)}`,
      backgroundStatus: 'PASSED',
      checklist: { complete: true },
    });
    expect(item.documents).toHaveLength(1);
    const approve = await app.inject({
      method: 'POST',
      url: `/api/admin/providers/${providerId}/approve`,
      headers: admin.headers,
    });
    expect(approve.statusCode, approve.body).toBe(200);
    expect(approve.json().status).toBe('APPROVED');

    // Live: the public profile shows public fields only.
    const pub = await app.inject({ url: `/api/providers/${providerId}` });
    expect(pub.statusCode, pub.body).toBe(200);
    const p = pub.json();
    expect(p).toMatchObject({
      id: providerId,
      status: 'APPROVED',
      businessName: 'Ramesh Plumbing Works',
      badges: ['AADHAAR_VERIFIED', 'BACKGROUND_VERIFIED'],
      acceptsUpi: true,
      averageRating: 0,
      totalJobs: 0,
      completedJobs: 0,
    });
    expect(typeof p.reputationScore).toBe('number');
    expect(p.rating).toEqual({ average: 0, count: 0, dimensions: {} });
    expect(p.services).toHaveLength(2);
    expect(p.services[0].price.amountPaise).toBe(39_900);
    expect(p.profilePhotoUrl).toMatch(/^\/api\/documents\//);
    const text = pub.body;
    expect(text).not.toContain(phone.slice(-10));
    expect(text).not.toContain('XXXX-XXXX');
    expect(text).not.toContain('XXXXXX9012');
    expect(text).not.toContain('SBIN0001234');
    expect(text).not.toContain('ramesh@okicici');
    // The photo is public now.
    const img = await app.inject({ url: p.profilePhotoUrl });
    expect(img.statusCode).toBe(200);
    expect(img.headers['x-content-type-options']).toBe('nosniff');

    // Every change notified the provider and was announced after commit.
    const notes = await c.db.select().from(notifications).where(eq(notifications.userId, signIn.json().user.id));
    expect(notes.map((n) => n.type).sort()).toEqual(
      ['BACKGROUND_CHECK_PASSED', 'KYC_VERIFIED', 'PROVIDER_APPROVED', 'PROVIDER_SUBMITTED'].sort(),
    );
    expect(events).toContain('PENDING_REVIEW');
    expect(events.at(-1)).toBe('APPROVED');
  });

  it('documents every onboarding route in the OpenAPI description', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of [
      '/api/providers/me',
      '/api/providers/me/submit',
      '/api/providers/me/documents',
      '/api/providers/me/kyc/aadhaar',
      '/api/providers/me/kyc/aadhaar/verify',
      '/api/providers/me/bank-account',
      '/api/providers/me/background-check',
      '/api/providers/{id}',
      '/api/documents/{id}',
      '/api/admin/providers',
      '/api/admin/providers/{id}/approve',
      '/api/admin/audit',
    ]) {
      expect(paths).toContain(p);
    }
  });
});
