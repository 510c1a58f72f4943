import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app';
import { loginWithOtp, nextIp, randomPhone, readOtp, requestOtp, verifyOtp } from './factories/auth';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ ADMIN_PHONES: '+919000000000' });
  await t.c.rateLimiter.reset('otp:phone:+919000000000');
});
afterAll(async () => {
  await t?.close();
});

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('OTP verify', () => {
  it('signs a new number up as a CUSTOMER with a customer profile', async () => {
    const phone = randomPhone();
    const s = await loginWithOtp(t, phone);
    expect(s.isNewUser).toBe(true);
    expect(s.user).toMatchObject({ phone, role: 'CUSTOMER', providerId: null, preferredLanguage: 'en' });
    expect(s.user.customerId).toEqual(expect.any(String));
    expect(s.refreshToken.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    const again = await loginWithOtp(t, phone.replace('+91', '0'));
    expect(again.isNewUser).toBe(false);
    expect(again.user.id).toBe(s.user.id);
  });

  it('signs up a PROVIDER when asked, with a draft provider profile', async () => {
    const s = await loginWithOtp(t, randomPhone(), { role: 'PROVIDER' });
    expect(s.user.role).toBe('PROVIDER');
    expect(s.user.providerId).toEqual(expect.any(String));
    const { rows } = await t.database.query('select status from provider_profiles where id = $1', [s.user.providerId]);
    expect(rows[0]?.status).toBe('DRAFT');
  });

  it('never lets a caller choose ADMIN; numbers in ADMIN_PHONES become admins needing TOTP', async () => {
    const bad = await verifyOtp(t, { phone: randomPhone(), code: '123456', role: 'ADMIN' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const admin = await loginWithOtp(t, '+919000000000');
    expect(admin.user.role).toBe('ADMIN');
    expect(admin.secondFactor).toBe('TOTP_ENROL');
  });

  it('sets the httpOnly lp_at cookie the web app can use', async () => {
    const phone = randomPhone();
    const ip = nextIp();
    await requestOtp(t, phone, ip);
    const res = await verifyOtp(t, { phone, code: await readOtp(t, phone) }, ip);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^lp_at=[\w-]+\.[\w-]+\.[\w-]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const token = /^lp_at=([^;]+)/.exec(cookie)![1];
    const me = await t.app.inject({ url: '/api/auth/verify-token', headers: { cookie: `lp_at=${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.phone).toBe(phone);
  });

  it('refuses a reused code', async () => {
    const phone = randomPhone();
    const ip = nextIp();
    await requestOtp(t, phone, ip);
    const code = await readOtp(t, phone);
    expect((await verifyOtp(t, { phone, code }, ip)).statusCode).toBe(200);
    const again = await verifyOtp(t, { phone, code }, ip);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('OTP_ALREADY_USED');
  });

  it('refuses an expired code', async () => {
    const phone = randomPhone();
    await requestOtp(t, phone);
    const code = await readOtp(t, phone);
    await t.database.query(`update otp_challenges set expires_at = now() - interval '1 second' where phone = $1`, [phone]);
    const res = await verifyOtp(t, { phone, code });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('OTP_EXPIRED');
  });

  it('refuses a code for a number that never asked for one', async () => {
    const res = await verifyOtp(t, { phone: randomPhone(), code: '123456' });
    expect(res.json().error.code).toBe('OTP_EXPIRED');
  });

  it('locks the challenge after 5 wrong tries, even for the right code afterwards', async () => {
    const phone = randomPhone();
    await requestOtp(t, phone);
    const code = await readOtp(t, phone);
    const left: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await verifyOtp(t, { phone, code: wrongCode(code) });
      expect(r.json().error.code).toBe('OTP_INVALID');
      left.push(r.json().error.details.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1]);
    const fifth = await verifyOtp(t, { phone, code: wrongCode(code) });
    expect(fifth.json().error.code).toBe('OTP_LOCKED');
    const right = await verifyOtp(t, { phone, code });
    expect(right.statusCode).toBe(400);
    expect(right.json().error.code).toBe('OTP_LOCKED');
  });

  it('counts concurrent wrong guesses atomically', async () => {
    const phone = randomPhone();
    await requestOtp(t, phone);
    const code = await readOtp(t, phone);
    const guesses = Array.from({ length: 10 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
    const results = await Promise.all(guesses.map((g) => verifyOtp(t, { phone, code: g })));
    expect(results.every((r) => r.statusCode === 400)).toBe(true);
    const { rows } = await t.database.query('select attempts, dead_at from otp_challenges where phone = $1', [phone]);
    expect(rows[0]?.attempts).toBe(5);
    expect(rows[0]?.dead_at).not.toBeNull();
  });

  it('makes an older code useless once a new one is sent', async () => {
    const phone = randomPhone();
    await requestOtp(t, phone);
    const first = await readOtp(t, phone);
    await t.database.query(`update otp_challenges set last_sent_at = last_sent_at - interval '5 minutes' where phone = $1`, [
      phone,
    ]);
    await requestOtp(t, phone);
    const second = await readOtp(t, phone);
    if (first !== second) expect((await verifyOtp(t, { phone, code: first })).statusCode).toBe(400);
    expect((await verifyOtp(t, { phone, code: second })).statusCode).toBe(200);
  });

  it('refuses a banned number at sign-in', async () => {
    const phone = randomPhone();
    const s = await loginWithOtp(t, phone);
    await t.database.query(`update users set status = 'BANNED' where id = $1`, [s.user.id]);
    await t.c.rateLimiter.reset(`otp:phone:${phone}`);
    await t.database.query('delete from otp_challenges where phone = $1', [phone]);
    await requestOtp(t, phone);
    const res = await verifyOtp(t, { phone, code: await readOtp(t, phone) });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('USER_BANNED');
  });
});
