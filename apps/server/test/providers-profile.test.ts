import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subCategories } from '../src/modules/catalog/catalog.tables';
import { createTestApp, type TestApp } from './app';
import { createCategory, createUser, type TestUser } from './factories';
import { completeProfileBody, lastSmsTo, otpIn, testEnv } from './factories/onboarding';

let t: TestApp;
let category: Awaited<ReturnType<typeof createCategory>>;
beforeAll(async () => {
  t = await createTestApp(testEnv());
  category = await createCategory(t.c.db);
});
afterAll(async () => {
  await t?.close();
});

const put = (u: TestUser, payload: object) =>
  t.app.inject({ method: 'PUT', url: '/api/providers/me', headers: u.headers, payload });

describe('PUT /api/providers/me validation', () => {
  it('partial updates change only what was sent', async () => {
    const u = await createUser(t.c, { role: 'PROVIDER' });
    expect((await put(u, completeProfileBody(category))).statusCode).toBe(200);
    const r = await put(u, { description: 'Only this changes', gstin: '27AAPFU0939F1ZV', autoPayout: true });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      description: 'Only this changes',
      businessName: 'Ramesh Plumbing Works',
      gstin: '27AAPFU0939F1ZV',
      autoPayout: true,
      serviceAreas: { radiusKm: 8, localities: ['Hazratganj', 'Gomti Nagar'], pincodes: ['226001'] },
    });
  });

  const cases: [string, (b: ReturnType<typeof completeProfileBody>) => object, string][] = [
    ['a location outside India', () => ({ baseLocation: { lat: 51.5, lng: -0.12 } }), 'baseLocation'],
    ['a radius over 50 km', () => ({ serviceAreas: { radiusKm: 60, localities: [], pincodes: [] } }), 'serviceAreas'],
    ['a 5-digit pincode', () => ({ serviceAreas: { radiusKm: 5, localities: [], pincodes: ['22600'] } }), 'serviceAreas'],
    ['a zero price', (b) => ({ pricing: [{ ...b.pricing[0]!, amountPaise: 0 }] }), 'pricing'],
    ['a fractional price', (b) => ({ pricing: [{ ...b.pricing[0]!, amountPaise: 199.5 }] }), 'pricing'],
    ['two prices for one service', (b) => ({ pricing: [b.pricing[0]!, b.pricing[0]!] }), 'pricing'],
    [
      'a break outside working hours',
      (b) => ({
        workingHours: { ...b.workingHours, '1': [{ start: '09:00', end: '12:00', breaks: [{ start: '11:30', end: '12:30' }] }] },
      }),
      'workingHours',
    ],
    [
      'overlapping shifts',
      (b) => ({
        workingHours: {
          ...b.workingHours,
          '2': [
            { start: '09:00', end: '13:00' },
            { start: '12:00', end: '18:00' },
          ],
        },
      }),
      'workingHours',
    ],
    [
      'a shift ending before it starts',
      (b) => ({ workingHours: { ...b.workingHours, '3': [{ start: '18:00', end: '09:00' }] } }),
      'workingHours',
    ],
    ['25:00', (b) => ({ workingHours: { ...b.workingHours, '3': [{ start: '09:00', end: '25:00' }] } }), 'workingHours'],
    [
      'time off ending before it starts',
      () => ({ timeOff: [{ start: '2030-01-05T00:00:00+05:30', end: '2030-01-04T00:00:00+05:30' }] }),
      'timeOff',
    ],
    ['a malformed UPI id', () => ({ upiId: 'ramesh-at-okicici' }), 'upiId'],
    ['a GSTIN with a bad check character', () => ({ gstin: '27AAPFU0939F1ZA' }), 'gstin'],
    ['an under-18 date of birth', () => ({ dateOfBirth: '2015-01-01' }), 'dateOfBirth'],
    ['an unknown field', () => ({ rating: 5 }), 'body'],
    ['a new category without its services', () => ({ categoryId: '00000000-0000-4000-8000-000000000000' }), 'categoryId'],
  ];
  for (const [name, make, path] of cases) {
    it(`refuses ${name}`, async () => {
      const u = await createUser(t.c, { role: 'PROVIDER' });
      await put(u, completeProfileBody(category));
      const r = await put(u, make(completeProfileBody(category)));
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(r.json().error.details)).toContain(path);
    });
  }

  it('refuses services of another category and inactive services', async () => {
    const u = await createUser(t.c, { role: 'PROVIDER' });
    const other = await createCategory(t.c.db);
    const r = await put(u, { categoryId: category.category.id, subCategoryIds: [other.subCategories[0]!.id] });
    expect(r.statusCode).toBe(400);
    const inactive = await createCategory(t.c.db);
    await t.c.db.update(subCategories).set({ isActive: false }).where(eq(subCategories.id, inactive.subCategories[0]!.id));
    const r2 = await put(u, { categoryId: inactive.category.id, subCategoryIds: [inactive.subCategories[0]!.id] });
    expect(r2.statusCode).toBe(400);
  });

  it('dropping a service drops its price; an e-mail in use is a 409', async () => {
    const u = await createUser(t.c, { role: 'PROVIDER' });
    await put(u, { ...completeProfileBody(category), email: `taken.${Date.now()}@example.in` });
    const r = await put(u, { subCategoryIds: [category.subCategories[0]!.id] });
    expect(r.json().pricing.map((p: { subCategoryId: string }) => p.subCategoryId)).toEqual([category.subCategories[0]!.id]);
    const v = await createUser(t.c, { role: 'PROVIDER' });
    const email = r.json().email as string;
    const clash = await put(v, { email: email.toUpperCase() });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('EMAIL_TAKEN');
  });
});

describe('payout bank account', () => {
  const setAccount = (u: TestUser, otp: string, accountNumber = '50100123456789') =>
    t.app.inject({
      method: 'PUT',
      url: '/api/providers/me/bank-account',
      headers: u.headers,
      payload: { accountNumber, ifsc: 'HDFC0001234', holderName: 'Ramesh Kumar', otp },
    });
  const requestOtp = (u: TestUser) =>
    t.app.inject({ method: 'POST', url: '/api/providers/me/bank-account/otp', headers: u.headers });

  it('needs the fresh code; stores only the masked number; the code works once', async () => {
    const u = await createUser(t.c, { role: 'PROVIDER' });
    expect((await setAccount(u, '123456')).json().error.code).toBe('OTP_EXPIRED');
    expect((await requestOtp(u)).json()).toEqual({ sent: true, expiresInSec: 600 });
    const sms = await lastSmsTo(t.c, u.phone);
    expect(sms).toMatch(/bank account/);
    expect(sms).toMatch(/बैंक/);
    const code = otpIn(sms);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect((await setAccount(u, wrong)).json().error.code).toBe('OTP_INVALID');
    const ok = await setAccount(u, code);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ accountMasked: 'XXXXXX6789', ifsc: 'HDFC0001234', holderName: 'Ramesh Kumar' });
    expect((await setAccount(u, code, '99999999999')).json().error.code).toBe('OTP_EXPIRED');
    const me = (await t.app.inject({ url: '/api/providers/me', headers: u.headers })).json();
    expect(me.bankAccount).toEqual({ accountMasked: 'XXXXXX6789', ifsc: 'HDFC0001234', holderName: 'Ramesh Kumar' });

    const { rows } = await t.database.query<{ r: string }>(
      `select x::text as r from provider_profiles x union all select a::text from audit_log a union all select o::text from provider_bank_otps o`,
    );
    for (const { r } of rows) expect(r).not.toContain('50100123456789');
    expect(t.logs.join('\n')).not.toContain('50100123456789');
  });

  it('locks after five wrong codes and limits how often codes are sent', async () => {
    const u = await createUser(t.c, { role: 'PROVIDER' });
    await requestOtp(u);
    const code = otpIn(await lastSmsTo(t.c, u.phone));
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) expect((await setAccount(u, wrong)).json().error.code).toBe('OTP_INVALID');
    expect((await setAccount(u, code)).json().error.code).toBe('OTP_LOCKED');
    expect((await requestOtp(u)).statusCode).toBe(200);
    expect((await requestOtp(u)).statusCode).toBe(200);
    const limited = await requestOtp(u);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
