import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAgencyWebhook } from '../src/integrations/background-check/agency';
import { categories } from '../src/modules/catalog/catalog.tables';
import { notifications } from '../src/modules/notifications/notifications.tables';
import { backgroundChecks } from '../src/modules/providers/providers.tables';
import { createTestApp, type TestApp } from './app';
import { createApprovedProvider, createUser } from './factories';
import { testEnv } from './factories/onboarding';
import { sendJson, startFakeServer } from './fakes/http';

const request = (t: TestApp, headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: '/api/providers/me/background-check', headers });
const confirm = (t: TestApp, headers: Record<string, string>, paymentId: string, signature: string) =>
  t.app.inject({ method: 'POST', url: '/api/providers/me/background-check/confirm', headers, payload: { paymentId, signature } });

async function payAndConfirm(t: TestApp, headers: Record<string, string>) {
  const r = await request(t, headers);
  expect(r.statusCode, r.body).toBe(200);
  const paid = t.c.sandboxGateway!.simulatePayment({
    orderId: r.json().orderId,
    amountPaise: r.json().feePaise,
    outcome: 'success',
  });
  const c = await confirm(t, headers, paid.paymentId, paid.signature!);
  expect(c.statusCode, c.body).toBe(200);
  return { order: r.json(), check: c.json() };
}

const typesFor = async (t: TestApp, userId: string) =>
  (await t.c.db.select().from(notifications).where(eq(notifications.userId, userId))).map((n) => n.type);

describe('background check with the sandbox agency', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(testEnv({ BACKGROUND_CHECK_SANDBOX_OUTCOME: 'FAILED', BACKGROUND_CHECK_SANDBOX_DELAY_SEC: '3600' }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it("charges the category's fee, refuses unverified payments, and reports a failed check without a badge", async () => {
    const p = await createApprovedProvider(t.c);
    await t.c.db.update(categories).set({ backgroundCheckFeePaise: 80_000 }).where(eq(categories.id, p.category.category.id));
    const r = await request(t, p.user.headers);
    expect(r.json()).toMatchObject({ status: 'FEE_PENDING', feePaise: 80_000, checkout: { amount: 80_000, currency: 'INR' } });

    const forged = await confirm(t, p.user.headers, 'pay_forged', 'deadbeef'.repeat(8));
    expect(forged.statusCode).toBe(422);
    expect(forged.json().error.code).toBe('PAYMENT_NOT_VERIFIED');
    // A payment signed for a different order does not count either.
    const other = t.c.sandboxGateway!.simulatePayment({ orderId: 'order_sbx_other', amountPaise: 80_000, outcome: 'success' });
    expect((await confirm(t, p.user.headers, other.paymentId, other.signature!)).statusCode).toBe(422);

    const paid = t.c.sandboxGateway!.simulatePayment({ orderId: r.json().orderId, amountPaise: 80_000, outcome: 'success' });
    const ok = await confirm(t, p.user.headers, paid.paymentId, paid.signature!);
    expect(ok.json().status).toBe('IN_PROGRESS');
    expect((await request(t, p.user.headers)).statusCode).toBe(409);

    // The delayed job carries only our check id and the outcome.
    const { rows } = await t.database.query<{ data: unknown }>(
      `select data from pgboss.job where name = 'background_check.complete'`,
    );
    expect(rows.map((r) => r.data)).toEqual([{ checkId: ok.json().id, outcome: 'FAILED' }]);
    await t.c.jobs.drain!();
    const waiting = (await t.app.inject({ url: '/api/providers/me', headers: p.user.headers })).json();
    expect(waiting.backgroundStatus).toBe('IN_PROGRESS');
    await t.c.jobs.drain!({ includeDelayed: true } as never);

    const me = (await t.app.inject({ url: '/api/providers/me', headers: p.user.headers })).json();
    expect(me).toMatchObject({ backgroundStatus: 'FAILED', backgroundVerified: false });
    expect(me.badges).not.toContain('BACKGROUND_VERIFIED');
    expect(await typesFor(t, p.user.id)).toContain('BACKGROUND_CHECK_FAILED');
    // After a failure the provider may pay for a new check.
    expect((await request(t, p.user.headers)).statusCode).toBe(200);
  });

  it('needs a category first, and a pending fee to confirm', async () => {
    const u = await createUser(t.c, { role: 'PROVIDER' });
    const r = await request(t, u.headers);
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('CATEGORY_REQUIRED');
    const c = await confirm(t, u.headers, 'pay_x', 'sig');
    expect(c.json().error.code).toBe('NO_FEE_PENDING');
  });
});

describe('background check with an HTTP agency and signed webhooks', () => {
  const SECRET = 'agency-webhook-secret';
  const received: { auth: string; body: Record<string, unknown> }[] = [];
  let fake: Awaited<ReturnType<typeof startFakeServer>>;
  let t: TestApp;
  beforeAll(async () => {
    fake = await startFakeServer((req, body, res) => {
      if (req.method === 'POST' && req.url === '/v1/verifications') {
        received.push({ auth: String(req.headers.authorization), body: JSON.parse(body.toString()) });
        return sendJson(res, 201, { id: `ver_${received.length}`, status: 'in_progress' });
      }
      sendJson(res, 404, {});
    });
    t = await createTestApp(
      testEnv({
        BACKGROUND_CHECK_PROVIDER: 'agency',
        BACKGROUND_CHECK_AGENCY_BASE_URL: fake.url,
        BACKGROUND_CHECK_AGENCY_API_KEY: 'agency-key',
        BACKGROUND_CHECK_WEBHOOK_SECRET: SECRET,
      }),
    );
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  const webhook = (vendor: string, raw: string, signature?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/webhooks/background-check/${vendor}`,
      headers: { 'content-type': 'application/json', ...(signature ? { 'x-agency-signature': signature } : {}) },
      payload: raw,
    });

  it('starts the check at the agency, then a signed webhook awards the badge (once)', async () => {
    const p = await createApprovedProvider(t.c, { aadhaarVerified: true });
    const { check } = await payAndConfirm(t, p.user.headers);
    expect(check.status).toBe('IN_PROGRESS');
    const sent = received.at(-1)!;
    expect(sent.auth).toBe('Bearer agency-key');
    expect(sent.body).toMatchObject({ reference: check.id, candidate: { aadhaar_masked: 'XXXX-XXXX-1234' } });
    const [row] = await t.c.db.select().from(backgroundChecks).where(eq(backgroundChecks.id, check.id));
    expect(row).toMatchObject({ vendor: 'agency', vendorReference: `ver_${received.length}` });

    const raw = JSON.stringify({
      id: row!.vendorReference,
      reference: check.id,
      status: 'completed',
      result: 'clear',
      summary: 'All clear',
    });
    expect((await webhook('agency', raw)).statusCode).toBe(401);
    expect((await webhook('agency', raw, signAgencyWebhook('wrong-secret', raw))).statusCode).toBe(401);
    const stale = signAgencyWebhook(SECRET, raw, Math.floor(Date.now() / 1000) - 3600);
    expect((await webhook('agency', raw, stale)).statusCode).toBe(401);
    const tampered = raw.replace('clear', 'consider');
    expect((await webhook('agency', tampered, signAgencyWebhook(SECRET, raw))).statusCode).toBe(401);
    expect((await webhook('other-vendor', raw, signAgencyWebhook(SECRET, raw))).statusCode).toBe(404);

    const good = await webhook('agency', raw, signAgencyWebhook(SECRET, raw));
    expect(good.statusCode, good.body).toBe(200);
    expect((await webhook('agency', raw, signAgencyWebhook(SECRET, raw))).statusCode).toBe(200);
    const me = (await t.app.inject({ url: '/api/providers/me', headers: p.user.headers })).json();
    expect(me).toMatchObject({ backgroundStatus: 'PASSED', backgroundVerified: true });
    expect(me.badges).toContain('BACKGROUND_VERIFIED');
    expect((await typesFor(t, p.user.id)).filter((x) => x === 'BACKGROUND_CHECK_PASSED')).toHaveLength(1);
    const pub = (await t.app.inject({ url: `/api/providers/${p.providerId}` })).json();
    expect(pub.badges).toEqual(['AADHAAR_VERIFIED', 'BACKGROUND_VERIFIED']);
  });
});
