import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, testConfig } from '../src/config';
import { registerErrorHandling } from '../src/http/error-handler';
import { memoryRateLimiter } from '../src/http/rate-limit';
import { createAuthService } from '../src/modules/auth/auth.service';
import { devOutboxEnabled, devOutboxRoutes } from '../src/modules/dev-outbox/dev-outbox.routes';
import { createTestApp, type TestApp } from './app';
import { loginWithOtp, nextIp, randomPhone, readOtp, readOutboxSms, requestOtp, verifyOtp } from './factories/auth';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ ADMIN_PHONES: '+919000000000' });
  // Demo numbers are fixed; clear their counters in a shared Redis left by an earlier run.
  for (const p of ['+919000000000', '+919000000001', '+919000000101']) await t.c.rateLimiter.reset(`otp:phone:${p}`);
});
afterAll(async () => {
  await t?.close();
});

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('OTP request', () => {
  it('answers 202 with expiry and resend cooldown, and the SMS reaches the dev outbox', async () => {
    const phone = randomPhone();
    const res = await requestOtp(t, phone);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ expiresInSec: 300, resendAfterSec: 30 });
    expect(await readOtp(t, phone)).toMatch(/^\d{6}$/);
  });

  it('answers known and unknown numbers identically', async () => {
    const known = randomPhone();
    await loginWithOtp(t, known);
    await t.c.rateLimiter.reset(`otp:phone:${known}`);
    await t.database.query('delete from otp_challenges where phone = $1', [known]);
    const unknown = randomPhone();
    const a = await requestOtp(t, known);
    const b = await requestOtp(t, unknown);
    expect(a.statusCode).toBe(b.statusCode);
    expect(a.body).toBe(b.body);
    const pick = (h: Record<string, unknown>) => ({ type: h['content-type'], length: h['content-length'] });
    expect(pick(a.headers)).toEqual(pick(b.headers));
  });

  it.each(['9876543210', '09876543210', '+91 98765 43210', '+91-98765-43210', '919876543210'])(
    'accepts the phone format %s',
    async (phone) => {
      await t.database.query(`delete from otp_challenges where phone = '+919876543210'`);
      await t.c.rateLimiter.reset('otp:phone:+919876543210');
      const res = await requestOtp(t, phone);
      expect(res.statusCode).toBe(202);
      expect(await readOutboxSms(t, '+919876543210')).toMatch(/\b\d{6}\b/);
    },
  );

  it.each(['12345', '5876543210', '+1 415 555 0100', 'abcdefghij', '98765432100'])(
    'refuses %s with 400 INVALID_PHONE',
    async (phone) => {
      const res = await requestOtp(t, phone);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('INVALID_PHONE');
    },
  );

  it('refuses unknown fields', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/otp/request', payload: { phone: randomPhone(), extra: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('enforces a growing resend cooldown and at most 5 sends per phone per hour, with Retry-After', async () => {
    const phone = randomPhone();
    expect((await requestOtp(t, phone)).statusCode).toBe(202);
    const early = await requestOtp(t, phone);
    expect(early.statusCode).toBe(429);
    expect(early.json().error.code).toBe('RATE_LIMITED');
    expect(Number(early.headers['retry-after'])).toBeGreaterThan(25);
    expect(Number(early.headers['retry-after'])).toBeLessThanOrEqual(30);

    const cooldowns: number[] = [];
    for (let i = 0; i < 4; i++) {
      // Pretend the cooldown has passed by moving the last send back in time.
      await t.database.query(`update otp_challenges set last_sent_at = last_sent_at - interval '20 minutes' where phone = $1`, [
        phone,
      ]);
      const r = await requestOtp(t, phone);
      expect(r.statusCode).toBe(202);
      cooldowns.push(r.json().resendAfterSec);
    }
    expect(cooldowns).toEqual([60, 120, 240, 480]);
    await t.database.query(`update otp_challenges set last_sent_at = last_sent_at - interval '20 minutes' where phone = $1`, [
      phone,
    ]);
    const sixth = await requestOtp(t, phone);
    expect(sixth.statusCode).toBe(429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits requests per IP', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await requestOtp(t, randomPhone(), ip)).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(202));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('stops sending when the hourly SMS budget is spent', async () => {
    const config = testConfig({ SMS_HOURLY_BUDGET: '3' });
    const auth = createAuthService({
      db: t.c.db,
      events: t.c.events,
      config,
      rateLimiter: memoryRateLimiter(),
      sms: t.c.sms,
      tokenSigner: t.c.tokenSigner,
    });
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) {
      outcomes.push(
        await auth.requestOtp({ phone: randomPhone() }, { ip: nextIp(), userAgent: null }).then(
          () => 'sent',
          (e: { code: string }) => e.code,
        ),
      );
    }
    expect(outcomes).toEqual(['sent', 'sent', 'sent', 'RATE_LIMITED', 'RATE_LIMITED']);
  });
});

describe('OTP texts', () => {
  it('sends new numbers English and Hindi, and known users their language', async () => {
    const fresh = randomPhone();
    await requestOtp(t, fresh);
    const both = (await readOutboxSms(t, fresh))!;
    expect(both).toContain('login code');
    expect(both).toContain('लॉगिन कोड');

    const s = await loginWithOtp(t, randomPhone());
    await t.app.inject({ method: 'PATCH', url: '/api/me', headers: s.headers, payload: { preferredLanguage: 'hi' } });
    await t.database.query('delete from otp_challenges where phone = $1', [s.user.phone]);
    await requestOtp(t, s.user.phone);
    const hindi = (await readOutboxSms(t, s.user.phone))!;
    expect(hindi).toContain('लॉगिन कोड');
    expect(hindi).not.toContain('login code');
  });
});

describe('secrets at rest and in logs', () => {
  it('stores no plaintext OTP and logs none, after issuing many', async () => {
    const phones = Array.from({ length: 25 }, () => randomPhone());
    const codes: string[] = [];
    for (const p of phones) {
      expect((await requestOtp(t, p)).statusCode).toBe(202);
      codes.push(await readOtp(t, p));
    }
    // Verify a few (right and wrong) so the verify path is logged too.
    for (const [i, p] of phones.slice(0, 5).entries())
      await verifyOtp(t, { phone: p, code: i % 2 ? codes[i]! : wrongCode(codes[i]!) });

    const { rows } = await t.database.query<{ t: string }>(
      `select string_agg(row_to_json(o)::text, '\n') as t from otp_challenges o where phone = any($1)`,
      [phones],
    );
    const dump = rows[0]!.t;
    expect(dump.length).toBeGreaterThan(1000);
    const logs = t.logs.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    for (const code of codes) {
      expect(dump).not.toContain(`"${code}"`);
      expect(dump).not.toMatch(new RegExp(`[^0-9a-f]${code}[^0-9a-f]`));
      // As a token of its own: log lines also hold long numbers (times, durations like 1.1197860000011133)
      // that can contain any six digits by chance.
      expect(logs).not.toMatch(new RegExp(`(?<![0-9.])${code}(?![0-9])`));
    }
    for (const p of phones) expect(logs).not.toContain(p.slice(3));
  });
});

describe('dev outbox', () => {
  it('lists newest first and normalises the phone in ?to=', async () => {
    const phone = randomPhone();
    await requestOtp(t, phone);
    await t.database.query(`update otp_challenges set last_sent_at = last_sent_at - interval '5 minutes' where phone = $1`, [
      phone,
    ]);
    await requestOtp(t, phone);
    const res = await t.app.inject({ url: `/api/dev/outbox?to=${encodeURIComponent(`0${phone.slice(3)}`)}` });
    const items = res.json().items;
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({ channel: 'sms', to: phone, body: expect.any(String), createdAt: expect.any(String) });
    expect(Date.parse(items[0].createdAt)).toBeGreaterThanOrEqual(Date.parse(items[1].createdAt));
  });

  it('does not exist when switched off, nor ever in production', async () => {
    const off = Fastify().withTypeProvider<ZodTypeProvider>();
    off.setValidatorCompiler(validatorCompiler);
    off.setSerializerCompiler(serializerCompiler);
    registerErrorHandling(off);
    await off.register(devOutboxRoutes({ ...t.c, config: testConfig({ DEV_OUTBOX: 'false' }) }), { prefix: '/api' });
    const res = await off.inject({ url: '/api/dev/outbox?to=%2B919876543210' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
    await off.close();
    expect(devOutboxEnabled(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DEV_OUTBOX: 'true' }))).toBe(false);
    expect(devOutboxEnabled(testConfig({ DEV_OUTBOX: 'true' }))).toBe(true);
  });
});

describe('demo accounts', () => {
  it('sign in through the dev outbox (admin, customer, provider)', async () => {
    await t.database.query(`insert into users (phone, role, name) values
      ('+919000000000', 'ADMIN', 'Demo Admin'), ('+919000000001', 'CUSTOMER', 'Demo Customer'), ('+919000000101', 'PROVIDER', 'Demo Provider')
      on conflict (phone) do nothing`);
    const admin = await loginWithOtp(t, '+919000000000');
    const customer = await loginWithOtp(t, '9000000001');
    const provider = await loginWithOtp(t, '+91 90000 00101');
    expect([admin.user.role, customer.user.role, provider.user.role]).toEqual(['ADMIN', 'CUSTOMER', 'PROVIDER']);
    expect(customer.user.customerId).toEqual(expect.any(String));
    expect(provider.user.providerId).toEqual(expect.any(String));
  });
});
