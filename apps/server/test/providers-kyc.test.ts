import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kycRecords, providerProfiles } from '../src/modules/providers/providers.tables';
import { users } from '../src/modules/users/users.tables';
import { createTestApp, type TestApp } from './app';
import { createUser, type TestUser } from './factories';
import { lastSmsTo, otpIn, testAadhaar, testEnv } from './factories/onboarding';
import { sendJson, startFakeServer } from './fakes/http';

/** Every row of every table as text, and every log line: the full number must appear nowhere. */
async function assertNowhere(t: TestApp, numbers: string[]) {
  const { rows: tables } = await t.database.query<{ s: string; n: string }>(
    `select table_schema as s, table_name as n from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
  );
  expect(tables.length).toBeGreaterThan(10);
  let scanned = 0;
  for (const { s, n } of tables) {
    const { rows } = await t.database.query<{ r: string }>(`select x::text as r from "${s}"."${n}" x`);
    scanned += rows.length;
    for (const { r } of rows) {
      for (const num of numbers) {
        expect(r.replace(/[\s-]/g, ''), `${s}.${n}`).not.toContain(num);
      }
    }
  }
  expect(scanned).toBeGreaterThan(0);
  const logs = t.logs.join('\n').replace(/[\s-]/g, '');
  expect(t.logs.length).toBeGreaterThan(0);
  for (const num of numbers) expect(logs).not.toContain(num);
}

const start = (t: TestApp, u: TestUser, aadhaarNumber: string) =>
  t.app.inject({ method: 'POST', url: '/api/providers/me/kyc/aadhaar', headers: u.headers, payload: { aadhaarNumber } });
const verify = (t: TestApp, u: TestUser, referenceId: string, otp: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/providers/me/kyc/aadhaar/verify',
    headers: u.headers,
    payload: { referenceId, otp },
  });
const wrong = (otp: string) => String((Number(otp) + 1) % 1_000_000).padStart(6, '0');

describe('Aadhaar e-KYC (sandbox vendor)', () => {
  let t: TestApp;
  const used: string[] = [];
  beforeAll(async () => {
    t = await createTestApp(testEnv({ KYC_STARTS_PER_DAY: '4' }));
  });
  afterAll(async () => {
    await assertNowhere(t, used);
    await t?.close();
  });

  it('verifies with the OTP from the dev outbox, auto-fills name/DOB/address and awards the badge', async () => {
    const u = await createUser(t.c, { role: 'PROVIDER', name: 'Typed Name' });
    const n = testAadhaar(1111);
    used.push(n);
    const s = await start(t, u, `${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`);
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json()).toMatchObject({ aadhaarMasked: `XXXX-XXXX-${n.slice(-4)}`, expiresInSec: 600 });
    const sms = await lastSmsTo(t.c, u.phone);
    expect(sms).toMatch(/Aadhaar/);
    expect(sms).toMatch(/आधार/);
    const v = await verify(t, u, s.json().referenceId, otpIn(sms));
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json()).toEqual({
      aadhaarVerified: true,
      aadhaarMasked: `XXXX-XXXX-${n.slice(-4)}`,
      name: expect.any(String),
      dateOfBirth: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      address: expect.any(String),
    });
    const me = (await t.app.inject({ url: '/api/providers/me', headers: u.headers })).json();
    expect(me).toMatchObject({
      aadhaarVerified: true,
      aadhaarMasked: `XXXX-XXXX-${n.slice(-4)}`,
      name: v.json().name,
      dateOfBirth: v.json().dateOfBirth,
      address: v.json().address,
      badges: ['AADHAAR_VERIFIED'],
    });
    const [rec] = await t.c.db.select().from(kycRecords).where(eq(kycRecords.providerId, u.providerId!));
    expect(rec).toMatchObject({ status: 'VERIFIED', aadhaarMasked: `XXXX-XXXX-${n.slice(-4)}`, vendor: 'sandbox' });
    // Already verified: no second round.
    const again = await start(t, u, testAadhaar(2222));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('KYC_ALREADY_VERIFIED');
  });

  it('refuses numbers that fail the Verhoeff check without echoing them', async () => {
    const u = await createUser(t.c, { role: 'PROVIDER' });
    const good = testAadhaar(3333);
    const bad = `${good.slice(0, 11)}${(Number(good[11]) + 1) % 10}`;
    used.push(bad);
    for (const n of [bad, '12345', '123456789012', 'abcdabcdabcd', `0${good.slice(1)}`]) {
      const r = await start(t, u, n);
      expect(r.statusCode).toBe(400);
      expect(r.json().error.code).toBe('INVALID_AADHAAR');
      expect(r.body.replace(/\D/g, '')).not.toContain(bad);
    }
  });

  it('counts wrong OTPs: attemptsLeft goes down, then the verification is closed', async () => {
    const u = await createUser(t.c, { role: 'PROVIDER' });
    const n = testAadhaar(4444);
    used.push(n);
    const s = await start(t, u, n);
    const otp = otpIn(await lastSmsTo(t.c, u.phone));
    const ref = s.json().referenceId;
    const left: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await verify(t, u, ref, wrong(otp));
      expect(r.statusCode).toBe(422);
      expect(r.json().error.code).toBe('KYC_OTP_INVALID');
      left.push(r.json().error.details.attemptsLeft);
    }
    expect(left).toEqual([2, 1, 0]);
    const late = await verify(t, u, ref, otp);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('KYC_NOT_PENDING');
    const [p] = await t.c.db.select().from(providerProfiles).where(eq(providerProfiles.id, u.providerId!));
    expect(p!.aadhaarVerified).toBe(false);
  });

  it("one provider cannot verify another's reference; 0000 numbers simulate no linked mobile; starts are limited per day", async () => {
    const a = await createUser(t.c, { role: 'PROVIDER' });
    const b = await createUser(t.c, { role: 'PROVIDER' });
    const n = testAadhaar(5555);
    used.push(n);
    const s = await start(t, a, n);
    const otp = otpIn(await lastSmsTo(t.c, a.phone));
    expect((await verify(t, b, s.json().referenceId, otp)).statusCode).toBe(404);

    const body = '99990000000';
    const { verhoeffCheckDigit } = await import('../src/integrations/kyc/verhoeff');
    let noMobile = '';
    for (let d = 0; d < 10 && !noMobile; d++) {
      const candidate = `9${d}${body.slice(2)}`;
      const full = candidate + verhoeffCheckDigit(candidate);
      if (full.endsWith('0000')) noMobile = full;
    }
    if (noMobile) {
      used.push(noMobile);
      const r = await start(t, b, noMobile);
      expect(r.statusCode).toBe(422);
      expect(r.json().error.code).toBe('KYC_REJECTED');
    }
    const c = await createUser(t.c, { role: 'PROVIDER' });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await start(t, c, testAadhaar(6000 + i))).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 429]);
  });

  it('customers and anonymous callers cannot use KYC', async () => {
    const cust = await createUser(t.c, { role: 'CUSTOMER' });
    expect((await start(t, cust, testAadhaar(7777))).statusCode).toBe(403);
    const anon = await t.app.inject({
      method: 'POST',
      url: '/api/providers/me/kyc/aadhaar',
      payload: { aadhaarNumber: testAadhaar(7778) },
    });
    expect(anon.statusCode).toBe(401);
  });
});

describe('Aadhaar e-KYC (Surepass adapter against a local fake)', () => {
  const TOKEN = 'surepass-test-token';
  const sessions = new Map<string, { idNumber: string; otp: string }>();
  let fake: Awaited<ReturnType<typeof startFakeServer>>;
  let t: TestApp;
  const n = testAadhaar(8888);
  const down = testAadhaar(8889);

  beforeAll(async () => {
    fake = await startFakeServer((req, body, res) => {
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return sendJson(res, 401, { success: false, message: 'Unauthorized' });
      const json = JSON.parse(body.toString() || '{}') as Record<string, string>;
      if (req.url === '/api/v1/aadhaar-v2/generate-otp') {
        if (json.id_number === down)
          return sendJson(res, 503, { success: false, message: `Upstream timeout for ${json.id_number}` });
        if (!/^\d{12}$/.test(json.id_number ?? '')) {
          return sendJson(res, 422, {
            data: null,
            status_code: 422,
            success: false,
            message: `Invalid Aadhaar ${json.id_number}`,
          });
        }
        const clientId = `aadhaar_v2_${Math.random().toString(36).slice(2)}`;
        sessions.set(clientId, { idNumber: json.id_number!, otp: '246810' });
        return sendJson(res, 200, {
          data: { client_id: clientId, otp_sent: true, if_number: true, valid_aadhaar: true, status: 'generate_otp_success' },
          status_code: 200,
          success: true,
          message: 'OTP Sent.',
          message_code: 'success',
        });
      }
      if (req.url === '/api/v1/aadhaar-v2/submit-otp') {
        const s = sessions.get(json.client_id ?? '');
        if (!s || s.otp !== json.otp) {
          return sendJson(res, 422, { data: null, status_code: 422, success: false, message: 'Verification Failed.' });
        }
        return sendJson(res, 200, {
          data: {
            client_id: json.client_id,
            full_name: 'Sunil Kumar Verma',
            aadhaar_number: s.idNumber,
            dob: '1988-03-14',
            gender: 'M',
            address: {
              country: 'India',
              dist: 'Lucknow',
              state: 'Uttar Pradesh',
              po: 'Aliganj',
              loc: 'Sector B',
              vtc: 'Lucknow',
              house: '12/4',
              street: 'Kapoorthala Road',
            },
            zip: '226024',
            profile_image: 'iVBORw0KGgo=',
            has_image: true,
          },
          status_code: 200,
          success: true,
          message: null,
        });
      }
      sendJson(res, 404, { success: false });
    });
    t = await createTestApp(testEnv({ KYC_PROVIDER: 'surepass', SUREPASS_BASE_URL: fake.url, SUREPASS_API_TOKEN: TOKEN }));
  });
  afterAll(async () => {
    await assertNowhere(t, [n, down]);
    await t?.close();
    await fake?.close();
  });

  it('generate-otp → submit-otp fills the profile; the vendor reference is kept, the number is not', async () => {
    const u = await createUser(t.c, { role: 'PROVIDER' });
    const s = await start(t, u, n);
    expect(s.statusCode, s.body).toBe(200);
    const bad = await verify(t, u, s.json().referenceId, '111111');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'KYC_OTP_INVALID', details: { attemptsLeft: 2 } });
    const v = await verify(t, u, s.json().referenceId, '246810');
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json()).toMatchObject({
      name: 'Sunil Kumar Verma',
      dateOfBirth: '1988-03-14',
      address: '12/4, Kapoorthala Road, Sector B, Lucknow, Lucknow, Uttar Pradesh 226024',
      aadhaarMasked: `XXXX-XXXX-${n.slice(-4)}`,
    });
    const [rec] = await t.c.db.select().from(kycRecords).where(eq(kycRecords.providerId, u.providerId!));
    expect(rec!.vendor).toBe('surepass');
    expect(rec!.vendorReference).toMatch(/^aadhaar_v2_/);
    const [user] = await t.c.db.select().from(users).where(eq(users.id, u.id));
    expect(user!.name).toBe('Sunil Kumar Verma');
  });

  it('vendor outages are a 502 that says nothing about the number', async () => {
    const u = await createUser(t.c, { role: 'PROVIDER' });
    const r = await start(t, u, down);
    expect(r.statusCode).toBe(502);
    expect(r.json().error.code).toBe('VENDOR_UNAVAILABLE');
    expect(r.body).not.toContain(down);
  });
});
