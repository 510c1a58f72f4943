import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app';
import { type LoggedIn, loginWithOtp, randomPhone } from './factories/auth';
import { createUser } from './factories/index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const refresh = (refreshToken: string) => t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
const whoAmI = (headers: Record<string, string>) => t.app.inject({ url: '/api/auth/verify-token', headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('verify-token', () => {
  it('returns the user with profile ids, or 401 without a token', async () => {
    const s = await loginWithOtp(t, randomPhone());
    const res = await whoAmI(s.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: {
        id: s.user.id,
        role: 'CUSTOMER',
        phone: s.user.phone,
        name: null,
        preferredLanguage: 'en',
        customerId: s.user.customerId,
        providerId: null,
      },
    });
    const anon = await t.app.inject({ url: '/api/auth/verify-token' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('issues access tokens that live at most 15 minutes', async () => {
    const s = await loginWithOtp(t, randomPhone());
    const payload = JSON.parse(Buffer.from(s.accessToken.split('.')[1]!, 'base64url').toString());
    expect(payload.exp - payload.iat).toBeLessThanOrEqual(900);
  });
});

describe('forged and stale access tokens', () => {
  let s: LoggedIn;
  let claims: Record<string, unknown>;
  beforeAll(async () => {
    s = await loginWithOtp(t, randomPhone());
    claims = JSON.parse(Buffer.from(s.accessToken.split('.')[1]!, 'base64url').toString());
  });

  it('refuses alg:none', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const res = await whoAmI(bearer(`${header}.${body}.`));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('TOKEN_INVALID');
  });

  it('refuses a wrong signature', async () => {
    const forged = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('not-the-server-secret-0123456789abcdef'));
    const res = await whoAmI(bearer(forged));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('TOKEN_INVALID');
    const [h, p, sig] = s.accessToken.split('.');
    const tampered = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url');
    expect((await whoAmI(bearer(`${h}.${tampered}.${sig}`))).statusCode).toBe(401);
    expect(p).toBeTruthy();
  });

  it('refuses an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ ...claims, iat: now - 2000, exp: now - 1000 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(t.c.config.jwtSecret));
    const res = await whoAmI(bearer(expired));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('TOKEN_EXPIRED');
  });
});

describe('refresh tokens', () => {
  it('rotate on every use; the new pair works and the old token cannot be used again', async () => {
    const s = await loginWithOtp(t, randomPhone());
    const r1 = await refresh(s.refreshToken);
    expect(r1.statusCode).toBe(200);
    const p1 = r1.json();
    expect(p1.refreshToken).not.toBe(s.refreshToken);
    expect((await whoAmI(bearer(p1.accessToken))).statusCode).toBe(200);
    const r2 = await refresh(p1.refreshToken);
    expect(r2.statusCode).toBe(200);
    // Only hashes are stored.
    const { rows } = await t.database.query('select refresh_token_hash from sessions where user_id = $1', [s.user.id]);
    expect(rows.map((r) => r.refresh_token_hash)).not.toContain(s.refreshToken);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(String(r.refresh_token_hash)))).toBe(true);
  });

  it('a replayed (rotated) token revokes the whole family', async () => {
    const s = await loginWithOtp(t, randomPhone());
    const p1 = (await refresh(s.refreshToken)).json();
    const replay = await refresh(s.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('REFRESH_TOKEN_REUSED');
    // The legitimate successor is dead too, and so are its access tokens.
    const next = await refresh(p1.refreshToken);
    expect(next.statusCode).toBe(401);
    expect(next.json().error.code).toBe('SESSION_REVOKED');
    const me = await whoAmI(bearer(p1.accessToken));
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('SESSION_REVOKED');
  });

  it('two concurrent refreshes with one token: one wins, then the family is revoked', async () => {
    const s = await loginWithOtp(t, randomPhone());
    const [a, b] = await Promise.all([refresh(s.refreshToken), refresh(s.refreshToken)]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 401]);
    const winner = (a.statusCode === 200 ? a : b).json();
    const loser = (a.statusCode === 200 ? b : a).json();
    expect(loser.error.code).toBe('REFRESH_TOKEN_REUSED');
    expect((await refresh(winner.refreshToken)).statusCode).toBe(401);
    expect((await whoAmI(bearer(winner.accessToken))).statusCode).toBe(401);
  });

  it('refuses unknown and malformed refresh tokens', async () => {
    const res = await refresh('x'.repeat(43));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('REFRESH_TOKEN_INVALID');
    expect((await refresh('short')).statusCode).toBe(400);
  });

  it('refuses an expired refresh token', async () => {
    const s = await loginWithOtp(t, randomPhone());
    await t.database.query(`update sessions set expires_at = now() - interval '1 second' where user_id = $1`, [s.user.id]);
    const res = await refresh(s.refreshToken);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('REFRESH_TOKEN_EXPIRED');
  });
});

describe('logout and devices', () => {
  it('logout ends this device only and clears the cookie', async () => {
    const phone = randomPhone();
    const a = await loginWithOtp(t, phone);
    const b = await loginWithOtp(t, phone);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: a.headers });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^lp_at=;.*Max-Age=0/);
    expect((await whoAmI(a.headers)).statusCode).toBe(401);
    expect((await refresh(a.refreshToken)).statusCode).toBe(401);
    expect((await whoAmI(b.headers)).statusCode).toBe(200);
  });

  it('logout works with only the refresh token (access token already expired)', async () => {
    const s = await loginWithOtp(t, randomPhone());
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: s.refreshToken } });
    expect(out.statusCode).toBe(204);
    expect((await refresh(s.refreshToken)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(401);
  });

  it('logout everywhere ends every device on the next request', async () => {
    const phone = randomPhone();
    const a = await loginWithOtp(t, phone);
    const b = await loginWithOtp(t, phone);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: a.headers })).statusCode).toBe(204);
    for (const s of [a, b]) {
      expect((await whoAmI(s.headers)).statusCode).toBe(401);
      expect((await refresh(s.refreshToken)).statusCode).toBe(401);
    }
  });

  it('lists devices (marking this one) and revokes another by id', async () => {
    const phone = randomPhone();
    const a = await loginWithOtp(t, phone);
    const b = await loginWithOtp(t, phone);
    await refresh(b.refreshToken); // rotation keeps one entry per device
    const list = await t.app.inject({ url: '/api/auth/sessions', headers: a.headers });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; current: boolean }[];
    expect(items).toHaveLength(2);
    expect(items.filter((i) => i.current)).toHaveLength(1);
    const other = items.find((i) => !i.current)!;
    expect((await t.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${other.id}`, headers: a.headers })).statusCode).toBe(
      204,
    );
    expect((await whoAmI(b.headers)).statusCode).toBe(401);
    const after = (await t.app.inject({ url: '/api/auth/sessions', headers: a.headers })).json().items;
    expect(after).toHaveLength(1);
  });

  it("cannot revoke someone else's session (404)", async () => {
    const a = await loginWithOtp(t, randomPhone());
    const b = await loginWithOtp(t, randomPhone());
    const bSessions = (await t.app.inject({ url: '/api/auth/sessions', headers: b.headers })).json().items;
    const res = await t.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${bSessions[0].id}`, headers: a.headers });
    expect(res.statusCode).toBe(404);
    expect((await whoAmI(b.headers)).statusCode).toBe(200);
  });
});

describe('bans and role changes take effect on the next request', () => {
  it('a banned user is refused at once, including refresh', async () => {
    const admin = await createUser(t.c, { role: 'ADMIN' });
    const s = await loginWithOtp(t, randomPhone());
    expect((await whoAmI(s.headers)).statusCode).toBe(200);
    const ban = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${s.user.id}/status`,
      headers: admin.headers,
      payload: { status: 'BANNED', reason: 'Fraudulent bookings' },
    });
    expect(ban.statusCode).toBe(200);
    const me = await whoAmI(s.headers);
    expect(me.statusCode).toBe(403);
    expect(me.json().error.code).toBe('USER_BANNED');
    expect((await refresh(s.refreshToken)).statusCode).toBe(401);
  });

  it('a banned user whose token predates the ban is refused with USER_BANNED', async () => {
    const u = await createUser(t.c);
    await t.database.query(`update users set status = 'BANNED' where id = $1`, [u.id]);
    const res = await whoAmI(u.headers);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('USER_BANNED');
  });

  it('a role change forces a new sign-in', async () => {
    const admin = await createUser(t.c, { role: 'ADMIN' });
    const s = await loginWithOtp(t, randomPhone());
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${s.user.id}/role`,
      headers: admin.headers,
      payload: { role: 'PROVIDER' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('PROVIDER');
    expect((await whoAmI(s.headers)).statusCode).toBe(401);
    expect((await refresh(s.refreshToken)).statusCode).toBe(401);
    const again = await loginWithOtp(t, s.user.phone);
    expect(again.user.role).toBe('PROVIDER');
    expect(again.user.providerId).toEqual(expect.any(String));
  });
});
