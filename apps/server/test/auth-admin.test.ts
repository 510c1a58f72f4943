import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app';
import { type LoggedIn, loginWithOtp, randomPhone } from './factories/auth';
import { createUser } from './factories/index';

const ADMIN = '+919000000000';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ ADMIN_PHONES: ADMIN });
  await t.c.rateLimiter.reset(`otp:phone:${ADMIN}`);
});
afterAll(async () => {
  await t?.close();
});

const post = (url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
const codeAt = (secret: string, offsetSec = 0) =>
  OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), timestamp: Date.now() + offsetSec * 1000 });
const usedSteps = new Set<number>();
/** A valid code for a time step the server still accepts (±1 step) and that was not used yet. */
const unusedCode = (secret: string) => {
  const cur = Math.floor(Date.now() / 30_000);
  const step = [cur, cur + 1, cur - 1].find((s) => !usedSteps.has(s))!;
  usedSteps.add(step);
  return OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), timestamp: step * 30_000 });
};
/** A code that no step the server could accept (±2 steps around now) produces: a `+1` could, by chance. */
const wrongCode = (secret: string) => {
  const near = new Set([-60, -30, 0, 30, 60].map((sec) => codeAt(secret, sec)));
  let n = Number(codeAt(secret));
  do n = (n + 1) % 1_000_000;
  while (near.has(String(n).padStart(6, '0')));
  return String(n).padStart(6, '0');
};
const freshLogin = async () => {
  await t.c.rateLimiter.reset(`otp:phone:${ADMIN}`);
  return loginWithOtp(t, ADMIN);
};

describe('admin second factor (TOTP)', () => {
  let first: LoggedIn;
  let secret: string;
  let recoveryCodes: string[];
  let firstCode: string;

  it('an admin without TOTP cannot use admin routes', async () => {
    first = await freshLogin();
    expect(first.secondFactor).toBe('TOTP_ENROL');
    const res = await t.app.inject({ url: '/api/admin/users', headers: first.headers });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('SECOND_FACTOR_REQUIRED');
  });

  it('enrols with an otpauth URI and a QR code; the secret is stored encrypted', async () => {
    const res = await post('/api/auth/totp/enroll', first.headers);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.otpauthUri).toMatch(/^otpauth:\/\/totp\/LocalPro%20Connect:%2B919000000000\?/);
    expect(body.otpauthUri).toContain('issuer=LocalPro%20Connect');
    expect(body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    secret = body.secret;
    expect(OTPAuth.URI.parse(body.otpauthUri).secret.base32).toBe(secret);
    const { rows } = await t.database.query('select totp_secret_enc from users where phone = $1', [ADMIN]);
    expect(String(rows[0]?.totp_secret_enc)).toMatch(/^v1\./);
    expect(String(rows[0]?.totp_secret_enc)).not.toContain(secret);
  });

  it('refuses a wrong code', async () => {
    const wrong = wrongCode(secret);
    const res = await post('/api/auth/totp/verify', first.headers, { code: wrong });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('TOTP_INVALID');
  });

  it('the first right code activates enrolment, returns 10 recovery codes and opens admin routes', async () => {
    firstCode = unusedCode(secret);
    const res = await post('/api/auth/totp/verify', first.headers, { code: firstCode });
    expect(res.statusCode).toBe(200);
    recoveryCodes = res.json().recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const fresh = { authorization: `Bearer ${res.json().accessToken}` };
    expect((await t.app.inject({ url: '/api/admin/users', headers: fresh })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/admin/users', headers: first.headers })).statusCode).toBe(200);
    const { rows } = await t.database.query<{ code_hash: string }>('select code_hash from admin_recovery_codes');
    const stored = rows.map((r) => r.code_hash).join(' ');
    for (const c of recoveryCodes) {
      expect(stored).not.toContain(c);
      expect(stored).not.toContain(c.replace('-', ''));
    }
  });

  it('the same code cannot be used twice, and enrolment cannot be restarted', async () => {
    const again = await post('/api/auth/totp/verify', first.headers, { code: firstCode });
    expect(again.statusCode).toBe(400);
    expect((await post('/api/auth/totp/enroll', first.headers)).statusCode).toBe(409);
  });

  it('the second factor survives refresh-token rotation', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: first.refreshToken } });
    expect(r.statusCode).toBe(200);
    const res = await t.app.inject({ url: '/api/admin/users', headers: { authorization: `Bearer ${r.json().accessToken}` } });
    expect(res.statusCode).toBe(200);
  });

  it('a new sign-in needs a code again', async () => {
    const s = await freshLogin();
    expect(s.secondFactor).toBe('TOTP_VERIFY');
    expect((await t.app.inject({ url: '/api/admin/users', headers: s.headers })).statusCode).toBe(403);
    const v = await post('/api/auth/totp/verify', s.headers, { code: unusedCode(secret) });
    expect(v.statusCode).toBe(200);
    expect(v.json().recoveryCodes).toBeUndefined();
    expect((await t.app.inject({ url: '/api/admin/users', headers: s.headers })).statusCode).toBe(200);
  });

  it('a recovery code works once', async () => {
    const s = await freshLogin();
    const res = await post('/api/auth/totp/recover', s.headers, { code: recoveryCodes[0]!.toLowerCase() });
    expect(res.statusCode).toBe(200);
    expect(res.json().recoveryCodesLeft).toBe(9);
    expect((await t.app.inject({ url: '/api/admin/users', headers: s.headers })).statusCode).toBe(200);
    const s2 = await freshLogin();
    const reused = await post('/api/auth/totp/recover', s2.headers, { code: recoveryCodes[0]! });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe('RECOVERY_CODE_INVALID');
  });

  it('locks the authenticator check after 5 wrong codes in a row', async () => {
    const s = await freshLogin();
    // A success resets the count.
    expect((await post('/api/auth/totp/verify', s.headers, { code: unusedCode(secret) })).statusCode).toBe(200);
    const wrong = wrongCode(secret);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post('/api/auth/totp/verify', s.headers, { code: wrong })).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    const locked = await post('/api/auth/totp/verify', s.headers, { code: codeAt(secret) });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('non-admins cannot enrol', async () => {
    const c = await loginWithOtp(t, randomPhone());
    expect((await post('/api/auth/totp/enroll', c.headers)).statusCode).toBe(403);
  });
});

describe('admin user management', () => {
  it('finds users by phone digits or name, cursor-paginated newest first', async () => {
    const admin = await createUser(t.c, { role: 'ADMIN' });
    const tag = `Zubin${Date.now().toString(36)}`;
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await createUser(t.c, { name: `${tag} Mehta ${i}` }));
    const page1 = await t.app.inject({ url: `/api/admin/users?q=${tag}&limit=2`, headers: admin.headers });
    expect(page1.statusCode).toBe(200);
    const b1 = page1.json();
    expect(b1.items).toHaveLength(2);
    expect(b1.nextCursor).toEqual(expect.any(String));
    const page2 = await t.app.inject({
      url: `/api/admin/users?q=${tag}&limit=2&cursor=${b1.nextCursor}`,
      headers: admin.headers,
    });
    const b2 = page2.json();
    expect(b2.items).toHaveLength(1);
    expect(b2.nextCursor).toBeNull();
    const ids = [...b1.items, ...b2.items].map((u: { id: string }) => u.id);
    expect(new Set(ids)).toEqual(new Set(made.map((m) => m.id)));

    const byPhone = await t.app.inject({ url: `/api/admin/users?q=${made[1]!.phone.slice(-10)}`, headers: admin.headers });
    expect(byPhone.json().items.map((u: { id: string }) => u.id)).toEqual([made[1]!.id]);
    const bad = await t.app.inject({ url: '/api/admin/users?cursor=not-a-cursor', headers: admin.headers });
    expect(bad.statusCode).toBe(400);
  });

  it('promotes a user (audited, forces re-login) but not oneself', async () => {
    const admin = await createUser(t.c, { role: 'ADMIN' });
    const target = await createUser(t.c);
    const res = await post(`/api/admin/users/${target.id}/role`, admin.headers, { role: 'ADMIN', reason: 'New operations lead' });
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('ADMIN');
    expect((await t.app.inject({ url: '/api/me', headers: target.headers })).statusCode).toBe(401);
    const { rows } = await t.database.query(
      `select action, before, after, reason, actor_user_id from audit_log where object_id = $1`,
      [target.id],
    );
    expect(rows).toEqual([
      {
        action: 'USER_ROLE_CHANGED',
        before: { role: 'CUSTOMER' },
        after: { role: 'ADMIN' },
        reason: 'New operations lead',
        actor_user_id: admin.id,
      },
    ]);
    const self = await post(`/api/admin/users/${admin.id}/role`, admin.headers, { role: 'CUSTOMER' });
    expect(self.statusCode).toBe(422);
    const missing = await post('/api/admin/users/00000000-0000-4000-8000-000000000000/role', admin.headers, { role: 'ADMIN' });
    expect(missing.statusCode).toBe(404);
  });

  it('suspends with a reason (effective at once), then reinstates', async () => {
    const admin = await createUser(t.c, { role: 'ADMIN' });
    const s = await loginWithOtp(t, randomPhone());
    const noReason = await post(`/api/admin/users/${s.user.id}/status`, admin.headers, { status: 'SUSPENDED' });
    expect(noReason.statusCode).toBe(400);
    const sus = await post(`/api/admin/users/${s.user.id}/status`, admin.headers, {
      status: 'SUSPENDED',
      reason: 'Abusive chat',
    });
    expect(sus.statusCode).toBe(200);
    expect(sus.json()).toMatchObject({ status: 'SUSPENDED', statusReason: 'Abusive chat' });
    expect((await t.app.inject({ url: '/api/me', headers: s.headers })).statusCode).toBe(403);
    await t.c.rateLimiter.reset(`otp:phone:${s.user.phone}`);
    await t.database.query('delete from otp_challenges where phone = $1', [s.user.phone]);
    await expect(loginWithOtp(t, s.user.phone)).rejects.toThrow(/403/);

    const back = await post(`/api/admin/users/${s.user.id}/status`, admin.headers, {
      status: 'ACTIVE',
      reason: 'Appeal accepted',
    });
    expect(back.json().status).toBe('ACTIVE');
    await t.c.rateLimiter.reset(`otp:phone:${s.user.phone}`);
    await t.database.query('delete from otp_challenges where phone = $1', [s.user.phone]);
    const again = await loginWithOtp(t, s.user.phone);
    expect((await t.app.inject({ url: '/api/me', headers: again.headers })).statusCode).toBe(200);
    const { rows } = await t.database.query(`select action from audit_log where object_id = $1 order by created_at`, [s.user.id]);
    expect(rows.map((r) => r.action)).toEqual(['USER_SUSPENDED', 'USER_REINSTATED']);
  });
});
