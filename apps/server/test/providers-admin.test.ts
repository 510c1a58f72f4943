import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.tables';
import { notifications } from '../src/modules/notifications/notifications.tables';
import type { ProviderStatus } from '../src/modules/providers/provider-status';
import { providerProfiles } from '../src/modules/providers/providers.tables';
import { createTestApp, type TestApp } from './app';
import { createUser, type TestUser } from './factories';
import { providerInStatus, testEnv } from './factories/onboarding';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(testEnv());
});
afterAll(async () => {
  await t?.close();
});

const providerIn = (status: ProviderStatus, owner?: TestUser) => providerInStatus(t.c, status, owner);

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
      cursor = res.json().nextCursor as string | null;
    } while (cursor);
    expect(ids.slice(0, 3)).toEqual(made);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await t.app.inject({ url: '/api/admin/providers?cursor=nonsense', headers: admin.headers })).statusCode).toBe(400);
  });

  it('a queue item carries what the reviewer checks: pitch, area, prices, hours, languages', async () => {
    const admin = await createUser(t.c, { role: 'ADMIN' });
    const p = await providerIn('PENDING_REVIEW');
    const [row] = await t.c.db.select().from(providerProfiles).where(eq(providerProfiles.id, p.providerId));
    const res = await t.app.inject({ url: '/api/admin/providers?status=PENDING_REVIEW&limit=100', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((i: { id: string }) => i.id === p.providerId);
    expect(item.profile).toMatchObject({
      description: row!.description,
      city: row!.city,
      serviceAreas: { radiusKm: row!.serviceAreas.radiusKm },
      languages: row!.languages,
    });
    expect(item.profile.pricing).toHaveLength(row!.pricing.length);
    expect(item.profile.pricing[0]).toMatchObject({ amountPaise: row!.pricing[0]!.amountPaise });
    expect(Object.keys(item.profile.workingHours ?? {})).toHaveLength(row!.workingHours ? 7 : 0);
    // Nothing a reviewer must not see: no full bank account, no raw Aadhaar.
    expect(JSON.stringify(item)).not.toMatch(/bankAccount|aadhaarNumber/);
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
      cursor = res.json().nextCursor as string | null;
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
