import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.tables';
import { notifications } from '../src/modules/notifications/notifications.tables';
import type { ProviderStatus } from '../src/modules/providers/provider-status';
import { documents, providerProfiles } from '../src/modules/providers/providers.tables';
import { createTestApp, type TestApp } from './app';
import { adminOnly, authzMatrix, type MatrixContext, providerOnly, publicRoute } from './authz/matrix';
import { createApprovedProvider, createUser, type TestUser } from './factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** A provider with a complete profile (photo included), put in `status`. */
async function providerIn(status: ProviderStatus, owner?: TestUser) {
  const made = owner ? { user: owner, providerId: owner.providerId! } : await createApprovedProvider(t.c);
  if (owner) {
    const other = await createApprovedProvider(t.c);
    const [src] = await t.c.db.select().from(providerProfiles).where(eq(providerProfiles.id, other.providerId));
    const { id: _id, userId: _u, createdAt: _c, updatedAt: _up, ...fields } = src!;
    await t.c.db.update(providerProfiles).set(fields).where(eq(providerProfiles.id, owner.providerId!));
  }
  await t.c.db.insert(documents).values({
    ownerUserId: made.user.id,
    providerId: made.providerId,
    kind: 'PROFILE_PHOTO',
    storageKey: `documents/${randomUUID()}.jpg`,
    mimeType: 'image/jpeg',
    sizeBytes: 1,
  });
  await t.c.db
    .update(providerProfiles)
    .set({ status, submittedAt: status === 'DRAFT' ? null : new Date(), statusReason: null })
    .where(eq(providerProfiles.id, made.providerId));
  return made;
}

const post = (url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });

const ACTIONS = ['approve', 'reject', 'suspend', 'reinstate'] as const;
const LEGAL_FROM: Record<(typeof ACTIONS)[number], ProviderStatus> = {
  approve: 'PENDING_REVIEW',
  reject: 'PENDING_REVIEW',
  suspend: 'APPROVED',
  reinstate: 'SUSPENDED',
};
const TO: Record<(typeof ACTIONS)[number], ProviderStatus> = {
  approve: 'APPROVED',
  reject: 'REJECTED',
  suspend: 'SUSPENDED',
  reinstate: 'APPROVED',
};
const NOTE: Record<(typeof ACTIONS)[number], string> = {
  approve: 'PROVIDER_APPROVED',
  reject: 'PROVIDER_REJECTED',
  suspend: 'PROVIDER_SUSPENDED',
  reinstate: 'PROVIDER_REINSTATED',
};
const STATUSES: ProviderStatus[] = ['DRAFT', 'PENDING_REVIEW', 'APPROVED', 'REJECTED', 'SUSPENDED'];

describe('status transitions through the API', () => {
  for (const action of ACTIONS) {
    for (const from of STATUSES) {
      const legal = LEGAL_FROM[action] === from;
      it(`admin ${action} from ${from}: ${legal ? TO[action] : '409'}`, async () => {
        const admin = await createUser(t.c, { role: 'ADMIN' });
        const p = await providerIn(from);
        const res = await post(`/api/admin/providers/${p.providerId}/${action}`, admin.headers, {
          reason: 'Checked the documents',
        });
        if (!legal) {
          expect(res.statusCode, res.body).toBe(409);
          expect(res.json().error.code).toBe('ILLEGAL_TRANSITION');
          return;
        }
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().status).toBe(TO[action]);
        // The provider is told, the change is audited with before/after and the reason.
        const notes = await t.c.db.select().from(notifications).where(eq(notifications.userId, p.user.id));
        expect(notes.map((n) => n.type)).toEqual([NOTE[action]]);
        const [audit] = await t.c.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.objectId, p.providerId), eq(auditLog.action, `provider.${action}`)));
        expect(audit).toMatchObject({
          actorUserId: admin.id,
          objectType: 'provider_profile',
          before: { status: from },
          after: { status: TO[action] },
          reason: 'Checked the documents',
        });
      });
    }
  }

  for (const action of ['reject', 'suspend', 'reinstate'] as const) {
    it(`${action} needs a reason`, async () => {
      const admin = await createUser(t.c, { role: 'ADMIN' });
      const p = await providerIn(LEGAL_FROM[action]);
      expect((await post(`/api/admin/providers/${p.providerId}/${action}`, admin.headers, {})).statusCode).toBe(400);
      expect((await post(`/api/admin/providers/${p.providerId}/${action}`, admin.headers, { reason: '  ' })).statusCode).toBe(
        400,
      );
    });
  }

  for (const from of STATUSES) {
    const legal = from === 'DRAFT' || from === 'REJECTED';
    it(`provider submits from ${from}: ${legal ? 'PENDING_REVIEW' : '409'}`, async () => {
      const owner = await createUser(t.c, { role: 'PROVIDER' });
      await providerIn(from, owner);
      const res = await post('/api/providers/me/submit', owner.headers);
      expect(res.statusCode, res.body).toBe(legal ? 200 : 409);
      if (legal) expect(res.json().status).toBe('PENDING_REVIEW');
    });
  }

  it('rejected → provider edits (stays REJECTED, reason shown) → resubmits → approved', async () => {
    const admin = await createUser(t.c, { role: 'ADMIN' });
    const owner = await createUser(t.c, { role: 'PROVIDER' });
    await providerIn('PENDING_REVIEW', owner);
    await post(`/api/admin/providers/${owner.providerId}/reject`, admin.headers, { reason: 'Profile photo is blurry' });
    const me = await t.app.inject({ url: '/api/providers/me', headers: owner.headers });
    expect(me.json()).toMatchObject({ status: 'REJECTED', statusReason: 'Profile photo is blurry' });
    const edit = await t.app.inject({
      method: 'PUT',
      url: '/api/providers/me',
      headers: owner.headers,
      payload: { description: 'Sharper now' },
    });
    expect(edit.json().status).toBe('REJECTED');
    expect((await post('/api/providers/me/submit', owner.headers)).json()).toMatchObject({
      status: 'PENDING_REVIEW',
      statusReason: null,
    });
    expect((await post(`/api/admin/providers/${owner.providerId}/approve`, admin.headers)).json().status).toBe('APPROVED');
  });

  it('editing a live profile keeps it live and records the key-field change for admins', async () => {
    const owner = await createUser(t.c, { role: 'PROVIDER' });
    await providerIn('APPROVED', owner);
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/providers/me',
      headers: owner.headers,
      payload: { businessName: 'New Name Services' },
    });
    expect(res.json().status).toBe('APPROVED');
    const [a] = await t.c.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, owner.providerId!), eq(auditLog.action, 'provider.live_profile_changed')));
    expect(a).toMatchObject({ after: { businessName: 'New Name Services' } });
    expect((await t.app.inject({ url: `/api/providers/${owner.providerId}` })).statusCode).toBe(200);
  });

  it('a suspended provider disappears from the public and comes back when reinstated', async () => {
    const admin = await createUser(t.c, { role: 'ADMIN' });
    const p = await providerIn('APPROVED');
    expect((await t.app.inject({ url: `/api/providers/${p.providerId}` })).statusCode).toBe(200);
    await post(`/api/admin/providers/${p.providerId}/suspend`, admin.headers, { reason: 'Complaints under review' });
    expect((await t.app.inject({ url: `/api/providers/${p.providerId}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/providers/${p.providerId}`, headers: p.user.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/providers/${p.providerId}`, headers: admin.headers })).statusCode).toBe(200);
    await post(`/api/admin/providers/${p.providerId}/reinstate`, admin.headers, { reason: 'Cleared' });
    expect((await t.app.inject({ url: `/api/providers/${p.providerId}` })).statusCode).toBe(200);
  });

  it('unknown provider → 404', async () => {
    const admin = await createUser(t.c, { role: 'ADMIN' });
    expect((await post(`/api/admin/providers/${randomUUID()}/approve`, admin.headers)).statusCode).toBe(404);
  });
});

describe('admin review queue and audit log', () => {
  it('lists oldest submission first, cursor-paginated', async () => {
    const admin = await createUser(t.c, { role: 'ADMIN' });
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const p = await providerIn('PENDING_REVIEW');
      await t.c.db
        .update(providerProfiles)
        .set({ submittedAt: new Date(Date.UTC(2020, 0, 1 + i)) })
        .where(eq(providerProfiles.id, p.providerId));
      made.push(p.providerId);
    }
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.app.inject({
        url: `/api/admin/providers?status=PENDING_REVIEW&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        headers: admin.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      ids.push(...res.json().items.map((i: { id: string }) => i.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(ids.slice(0, 3)).toEqual(made);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await t.app.inject({ url: '/api/admin/providers?cursor=nonsense', headers: admin.headers })).statusCode).toBe(400);
  });

  it('audit log filters by actor, action and object, newest first, with a cursor', async () => {
    const admin = await createUser(t.c, { role: 'ADMIN' });
    const targets = [await providerIn('PENDING_REVIEW'), await providerIn('PENDING_REVIEW'), await providerIn('PENDING_REVIEW')];
    for (const p of targets) await post(`/api/admin/providers/${p.providerId}/approve`, admin.headers);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.app.inject({
        url: `/api/admin/audit?actorUserId=${admin.id}&action=provider.approve&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        headers: admin.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      for (const e of res.json().items) {
        expect(e).toMatchObject({ actorUserId: admin.id, action: 'provider.approve', objectType: 'provider_profile' });
        seen.push(e.objectId);
      }
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(targets.map((p) => p.providerId).reverse());
    const one = await t.app.inject({
      url: `/api/admin/audit?objectType=provider_profile&objectId=${targets[0]!.providerId}`,
      headers: admin.headers,
    });
    expect(one.json().items).toHaveLength(1);
    expect(one.json().items[0]).toMatchObject({ before: { status: 'PENDING_REVIEW' }, after: { status: 'APPROVED' } });
  });

  it('the audit log cannot be changed, even by the database user', async () => {
    await expect(t.database.query(`update audit_log set reason = 'edited'`)).rejects.toThrow(/append-only/);
    await expect(t.database.query('delete from audit_log')).rejects.toThrow(/append-only/);
  });
});

describe('authorization matrix', () => {
  const readyProvider = async (_ctx: MatrixContext, status: ProviderStatus) => (await providerIn(status)).providerId;
  const doc = async (ctx: MatrixContext) => {
    const [d] = await ctx.c.db
      .insert(documents)
      .values({
        ownerUserId: ctx.actors.provider.id,
        providerId: ctx.actors.provider.providerId,
        kind: 'CERTIFICATE',
        storageKey: `documents/${randomUUID()}.pdf`,
        mimeType: 'application/pdf',
        sizeBytes: 10,
      })
      .returning();
    await ctx.c.storage.put(d!.storageKey, Buffer.from('%PDF-1.4\n%%EOF'), 'application/pdf');
    return `/api/documents/${d!.id}`;
  };
  const noOne404 = {
    anonymous: 404,
    customer: 404,
    otherCustomer: 404,
    otherProvider: 404,
    adminNo2fa: 404,
    banned: 404,
  } as const;

  authzMatrix(
    () => t,
    [
      { method: 'GET', url: '/api/providers/me', expect: providerOnly },
      { method: 'PUT', url: '/api/providers/me', body: { description: 'hello' }, expect: providerOnly },
      { method: 'POST', url: '/api/providers/me/submit', expect: { ...providerOnly, provider: 422, otherProvider: 422 } },
      { method: 'POST', url: '/api/providers/me/bank-account/otp', expect: providerOnly },
      {
        method: 'PUT',
        url: '/api/providers/me/bank-account',
        body: { accountNumber: '123456789', ifsc: 'HDFC0001234', holderName: 'A B', otp: '000000' },
        expect: { ...providerOnly, provider: 422, otherProvider: 422 },
      },
      {
        method: 'POST',
        url: '/api/providers/me/kyc/aadhaar',
        body: { aadhaarNumber: '123412341234' },
        expect: { ...providerOnly, provider: 400, otherProvider: 400 },
      },
      {
        method: 'POST',
        url: '/api/providers/me/kyc/aadhaar/verify',
        body: { referenceId: randomUUID(), otp: '123456' },
        expect: { ...providerOnly, provider: 404, otherProvider: 404 },
      },
      {
        method: 'GET',
        url: '/api/providers/me/background-check',
        expect: { ...providerOnly, provider: 404, otherProvider: 404 },
      },
      {
        method: 'POST',
        url: '/api/providers/me/background-check',
        expect: { ...providerOnly, provider: 422, otherProvider: 422 },
      },
      {
        name: 'public profile of a live provider',
        method: 'GET',
        url: async (ctx) => `/api/providers/${await readyProvider(ctx, 'APPROVED')}`,
        expect: publicRoute,
      },
      {
        name: 'profile of a provider under review',
        method: 'GET',
        url: (ctx) => `/api/providers/${ctx.actors.provider.providerId}`,
        expect: { ...noOne404, provider: 'allow', admin: 'allow' },
      },
      { name: 'a certificate', method: 'GET', url: doc, expect: { ...noOne404, provider: 'allow', admin: 'allow' } },
      {
        name: 'delete a certificate',
        method: 'DELETE',
        url: doc,
        expect: { ...noOne404, anonymous: 401, banned: 403, admin: 404, provider: 'allow' },
      },
      { method: 'GET', url: '/api/admin/providers?status=PENDING_REVIEW', expect: adminOnly },
      { method: 'GET', url: '/api/admin/audit', expect: adminOnly },
      ...ACTIONS.map((a) => ({
        name: `admin ${a}`,
        method: 'POST' as const,
        url: async (ctx: MatrixContext) => `/api/admin/providers/${await readyProvider(ctx, LEGAL_FROM[a])}/${a}`,
        body: { reason: 'Matrix check' },
        expect: adminOnly,
      })),
    ],
  );
});
