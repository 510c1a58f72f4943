import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.tables';
import { notifications } from '../src/modules/notifications/notifications.tables';
import { providerProfiles } from '../src/modules/providers/providers.tables';
import type { TestApp } from './app';
import { createTestApp } from './app';
import { createApprovedProvider, createUser } from './factories/index';
import { fundWallet } from './factories/payments';

let t: TestApp;
beforeAll(async () => {
  // A high per-IP limit: under REDIS_URL the limiter is shared with every other test process on this machine.
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
});
afterAll(async () => {
  await t?.close();
});

const withdraw = (headers: Record<string, string>, amount: unknown, extra: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/wallet/withdrawals', headers: { ...headers, ...extra }, payload: { amount } });
const wallet = async (headers: Record<string, string>) =>
  (await t.app.inject({ method: 'GET', url: '/api/wallet', headers })).json();
/** Runs due and T+2-delayed jobs now (the queue honours startAfter in production). */
const runPayouts = () =>
  (t.c.jobs as unknown as { drain(o: { includeDelayed: boolean }): Promise<number> }).drain({ includeDelayed: true });

async function provider(upiId = 'ok@upi') {
  const p = await createApprovedProvider(t.c);
  await t.c.db.update(providerProfiles).set({ upiId }).where(eq(providerProfiles.id, p.providerId));
  return p;
}

describe('wallet and withdrawals', () => {
  it('only providers have a wallet', async () => {
    const customer = await createUser(t.c, { role: 'CUSTOMER' });
    expect((await t.app.inject({ method: 'GET', url: '/api/wallet', headers: customer.headers })).statusCode).toBe(403);
    expect((await withdraw(customer.headers, 50_000)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/wallet' })).statusCode).toBe(401);
  });

  it('enforces the ₹500 minimum, the available balance and integer paise', async () => {
    const p = await provider();
    await fundWallet(t.c, p.providerId, 120_000);
    expect(await wallet(p.user.headers)).toMatchObject({ available: 120_000, held: 0, minimumWithdrawal: 50_000 });
    const small = await withdraw(p.user.headers, 49_999);
    expect(small.statusCode).toBe(422);
    expect(small.json().error.code).toBe('BELOW_MINIMUM_WITHDRAWAL');
    const big = await withdraw(p.user.headers, 120_001);
    expect(big.statusCode).toBe(422);
    expect(big.json().error).toMatchObject({ code: 'INSUFFICIENT_BALANCE', details: { available: 120_000 } });
    for (const bad of [-50_000, 50_000.5, '50000', 0]) expect((await withdraw(p.user.headers, bad)).statusCode).toBe(400);
    const ok = await withdraw(p.user.headers, 70_000);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'REQUESTED', amount: 70_000 });
    // Paid T+2.
    const due = new Date(ok.json().scheduledFor).getTime() - Date.now();
    expect(due).toBeGreaterThan(47 * 3_600_000);
    expect(await wallet(p.user.headers)).toMatchObject({ available: 50_000, inTransit: 70_000 });
    expect((await withdraw(p.user.headers, 50_001)).statusCode).toBe(422);
  });

  it('an Idempotency-Key makes a withdrawal safe to retry', async () => {
    const p = await provider();
    await fundWallet(t.c, p.providerId, 200_000);
    const key = { 'idempotency-key': `wd-${p.providerId}` };
    const a = await withdraw(p.user.headers, 60_000, key);
    const b = await withdraw(p.user.headers, 60_000, key);
    expect(b.json()).toEqual(a.json());
    expect((await wallet(p.user.headers)).available).toBe(140_000);
  });

  it('100 concurrent withdrawals against a wallet covering 10 → exactly 10 succeed', async () => {
    const p = await provider();
    await fundWallet(t.c, p.providerId, 10 * 50_000 + 49_999);
    const results = await Promise.all(Array.from({ length: 100 }, () => withdraw(p.user.headers, 50_000)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(results.filter((r) => r.statusCode !== 201 && r.statusCode !== 422).map((r) => r.body)).toEqual([]);
    expect(codes.filter((c) => c === 422)).toHaveLength(90);
    expect(await wallet(p.user.headers)).toMatchObject({ available: 49_999, inTransit: 500_000 });
    expect((await t.c.ledger.check(t.c.db)).ok).toBe(true);
  });

  it('payouts are processed by the job; a failed one returns the money and can be retried by an admin', async () => {
    const good = await provider('ok@upi');
    const bad = await provider('fail@upi');
    await fundWallet(t.c, good.providerId, 80_000);
    await fundWallet(t.c, bad.providerId, 80_000);
    const g = (await withdraw(good.user.headers, 80_000)).json();
    const b = (await withdraw(bad.user.headers, 80_000)).json();
    await runPayouts();
    const gl = (await t.app.inject({ method: 'GET', url: '/api/wallet/withdrawals', headers: good.user.headers })).json().items;
    expect(gl[0]).toMatchObject({ id: g.id, status: 'PROCESSED' });
    expect(await wallet(good.user.headers)).toMatchObject({ available: 0, inTransit: 0 });
    const bl = (await t.app.inject({ method: 'GET', url: '/api/wallet/withdrawals', headers: bad.user.headers })).json().items;
    expect(bl[0]).toMatchObject({ id: b.id, status: 'FAILED' });
    expect(bl[0].failureReason).toEqual(expect.stringMatching(/\S/));
    expect(await wallet(bad.user.headers)).toMatchObject({ available: 80_000, inTransit: 0 });
    const types = async (userId: string) =>
      (await t.c.db.select().from(notifications).where(eq(notifications.userId, userId))).map((n) => n.type);
    expect(await types(good.user.id)).toContain('PAYOUT_PROCESSED');
    expect(await types(bad.user.id)).toContain('PAYOUT_FAILED');

    // Admin retry after the provider fixes their UPI id.
    await t.c.db.update(providerProfiles).set({ upiId: 'fixed@upi' }).where(eq(providerProfiles.id, bad.providerId));
    const admin = await createUser(t.c, { role: 'ADMIN' });
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/admin/payouts/${b.id}/retry`, headers: bad.user.headers })).statusCode,
    ).toBe(403);
    const retry = await t.app.inject({ method: 'POST', url: `/api/admin/payouts/${b.id}/retry`, headers: admin.headers });
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toMatchObject({ retryOf: b.id, amount: 80_000, status: 'REQUESTED' });
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/admin/payouts/${b.id}/retry`, headers: admin.headers })).statusCode,
    ).toBe(409);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/admin/payouts/${g.id}/retry`, headers: admin.headers })).statusCode,
    ).toBe(409);
    await runPayouts();
    expect(await wallet(bad.user.headers)).toMatchObject({ available: 0, inTransit: 0 });
    expect((await t.c.db.select().from(auditLog).where(eq(auditLog.objectId, b.id))).map((a) => a.action)).toEqual([
      'payout.retry',
    ]);
    expect((await t.c.ledger.check(t.c.db)).ok).toBe(true);
  });

  it('weekly auto-payout withdraws the whole balance of providers who enabled it', async () => {
    const on = await provider();
    const off = await provider();
    const poor = await provider();
    await fundWallet(t.c, on.providerId, 75_000);
    await fundWallet(t.c, off.providerId, 75_000);
    await fundWallet(t.c, poor.providerId, 10_000);
    for (const p of [on, poor]) {
      const r = await t.app.inject({
        method: 'PUT',
        url: '/api/wallet/auto-payout',
        headers: p.user.headers,
        payload: { enabled: true },
      });
      expect(r.json()).toEqual({ autoPayout: true });
    }
    await t.c.wallet.runAutoPayouts();
    expect(await wallet(on.user.headers)).toMatchObject({ available: 0, inTransit: 75_000, autoPayout: true });
    expect(await wallet(off.user.headers)).toMatchObject({ available: 75_000, inTransit: 0, autoPayout: false });
    expect(await wallet(poor.user.headers)).toMatchObject({ available: 10_000, inTransit: 0 });
    // Running twice in a week takes nothing more.
    await t.c.wallet.runAutoPayouts();
    expect((await wallet(on.user.headers)).inTransit).toBe(75_000);
  });

  it('history pages through the wallet entries, newest first', async () => {
    const p = await provider();
    for (let i = 0; i < 5; i++) await fundWallet(t.c, p.providerId, 10_000 + i);
    const page1 = (await t.app.inject({ method: 'GET', url: '/api/wallet?limit=3', headers: p.user.headers })).json();
    expect(page1.history.items).toHaveLength(3);
    expect(page1.history.nextCursor).toBeTruthy();
    const page2 = (
      await t.app.inject({
        method: 'GET',
        url: `/api/wallet?limit=3&cursor=${encodeURIComponent(page1.history.nextCursor)}`,
        headers: p.user.headers,
      })
    ).json();
    expect(page2.history.items).toHaveLength(2);
    expect(page2.history.nextCursor).toBeNull();
    const all = [...page1.history.items, ...page2.history.items].map((i: { amount: number }) => i.amount);
    expect(all.sort()).toEqual([10_000, 10_001, 10_002, 10_003, 10_004]);
    expect((await t.app.inject({ method: 'GET', url: '/api/wallet?cursor=garbage', headers: p.user.headers })).statusCode).toBe(
      400,
    );
  });
});
