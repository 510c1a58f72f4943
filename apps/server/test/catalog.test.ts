import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.tables';
import { createTestApp, type TestApp } from './app';
import { createUser, type TestUser } from './factories';
import { type SeededCatalog, seedCatalog } from './factories/search';

let t: TestApp;
let cat: SeededCatalog;
let admin: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  cat = await seedCatalog(t.c.db);
  admin = await createUser(t.c, { role: 'ADMIN' });
});
afterAll(async () => {
  await t?.close();
});

const newCategory = (slug: string) => ({
  slug,
  nameTranslations: { en: 'Solar panels', hi: 'सोलर पैनल' },
  icon: 'sun',
  description: 'Install and clean rooftop solar panels',
  sortOrder: 50,
  platformFeeBps: 1200,
  cancellationPolicy: { freeUntilHours: 12, lateFeeBps: 1500, lateFeeMinPaise: 10_000 },
  backgroundCheckFeePaise: 59_900,
});

describe('GET /api/categories', () => {
  it('lists active categories with sub-categories, names in the requested language, in sort order', async () => {
    const en = (await t.app.inject({ url: '/api/categories' })).json();
    expect(en.items.length).toBe(14);
    expect(en.items[0]).toMatchObject({ slug: 'plumbing', name: 'Plumbing', icon: 'wrench' });
    expect(en.items[0].subCategories.map((s: { slug: string }) => s.slug)).toContain('tap-repair');
    const hi = (await t.app.inject({ url: '/api/categories?lang=hi' })).json();
    expect(hi.items[0].name).toBe('प्लंबिंग');
    expect(hi.items[0].subCategories[0].name).toMatch(/[\u0900-\u097f]/);
    expect((await t.app.inject({ url: '/api/categories?lang=fr' })).statusCode).toBe(400);
  });

  it('gets one category; unknown or malformed ids are 404/400', async () => {
    const id = cat.get('electrical')!.categoryId;
    const one = (await t.app.inject({ url: `/api/categories/${id}?lang=hi` })).json();
    expect(one).toMatchObject({ id, slug: 'electrical', platformFeeBps: expect.any(Number) });
    expect((await t.app.inject({ url: '/api/categories/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/categories/nope' })).statusCode).toBe(400);
  });
});

describe('admin catalogue CRUD', () => {
  it('only a signed-in admin with a second factor may change the catalogue', async () => {
    const customer = await createUser(t.c);
    const provider = await createUser(t.c, { role: 'PROVIDER' });
    const noTotp = await createUser(t.c, { role: 'ADMIN', secondFactor: false });
    const body = newCategory('solar-x');
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/categories', payload: body })).statusCode).toBe(401);
    for (const u of [customer, provider]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/admin/categories', payload: body, headers: u.headers });
      expect(res.statusCode).toBe(403);
    }
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/categories', payload: body, headers: noTotp.headers });
    expect(res.json().error.code).toBe('SECOND_FACTOR_REQUIRED');
    const id = cat.get('plumbing')!.categoryId;
    for (const [method, url] of [
      ['PATCH', `/api/admin/categories/${id}`],
      ['DELETE', `/api/admin/categories/${id}`],
      ['GET', '/api/admin/categories'],
    ] as const) {
      const r = await t.app.inject({
        method,
        url,
        payload: method === 'PATCH' ? { sortOrder: 1 } : undefined,
        headers: customer.headers,
      });
      expect(r.statusCode).toBe(403);
    }
  });

  it('creates a category (audited), refuses a duplicate slug, a fee outside 8–15% and a missing Hindi name', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/categories',
      payload: newCategory('solar'),
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ slug: 'solar', name: 'Solar panels', platformFeeBps: 1200, backgroundCheckFeePaise: 59_900 });
    const audit = await t.c.db.select().from(auditLog).where(eq(auditLog.objectId, created.id));
    expect(audit.map((a) => a.action)).toEqual(['catalog.category.create']);
    expect(audit[0]!.actorUserId).toBe(admin.id);

    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/admin/categories',
      payload: newCategory('solar'),
      headers: admin.headers,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('CATEGORY_SLUG_TAKEN');
    for (const bad of [
      { ...newCategory('solar-2'), platformFeeBps: 700 },
      { ...newCategory('solar-3'), platformFeeBps: 1600 },
      { ...newCategory('solar-4'), nameTranslations: { en: 'Solar' } },
      { ...newCategory('Solar Panels') },
      { ...newCategory('solar-5'), surprise: true },
    ]) {
      const r = await t.app.inject({ method: 'POST', url: '/api/admin/categories', payload: bad, headers: admin.headers });
      expect(r.statusCode).toBe(400);
    }
  });

  it('updates fee, policy and names; deactivation hides the category from customers but not admins', async () => {
    const created = (
      await t.app.inject({
        method: 'POST',
        url: '/api/admin/categories',
        payload: newCategory('solar-upd'),
        headers: admin.headers,
      })
    ).json();
    const upd = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/categories/${created.id}`,
      payload: {
        platformFeeBps: 1500,
        cancellationPolicy: { freeUntilHours: 2, lateFeeBps: 3000, lateFeeMinPaise: 0 },
        nameTranslations: { en: 'Solar', hi: 'सौर' },
      },
      headers: admin.headers,
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ platformFeeBps: 1500, name: 'Solar', cancellationPolicy: { freeUntilHours: 2 } });

    const del = await t.app.inject({ method: 'DELETE', url: `/api/admin/categories/${created.id}`, headers: admin.headers });
    expect(del.json().isActive).toBe(false);
    const publicList = (await t.app.inject({ url: '/api/categories' })).json();
    expect(publicList.items.map((c: { id: string }) => c.id)).not.toContain(created.id);
    expect((await t.app.inject({ url: `/api/categories/${created.id}` })).statusCode).toBe(404);
    const adminList = (await t.app.inject({ url: '/api/admin/categories', headers: admin.headers })).json();
    expect(adminList.items.map((c: { id: string }) => c.id)).toContain(created.id);
    const actions = (await t.c.db.select().from(auditLog).where(eq(auditLog.objectId, created.id))).map((a) => a.action).sort();
    expect(actions).toEqual(['catalog.category.create', 'catalog.category.deactivate', 'catalog.category.update']);
    const missing = await t.app.inject({
      method: 'PATCH',
      url: '/api/admin/categories/00000000-0000-4000-8000-000000000000',
      payload: { sortOrder: 3 },
      headers: admin.headers,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('adds, updates and deactivates sub-categories', async () => {
    const id = cat.get('carpentry')!.categoryId;
    const add = await t.app.inject({
      method: 'POST',
      url: `/api/admin/categories/${id}/sub-categories`,
      payload: {
        slug: 'modular-kitchen',
        nameTranslations: { en: 'Modular kitchen', hi: 'मॉड्यूलर किचन' },
        defaultDurationMin: 240,
      },
      headers: admin.headers,
    });
    expect(add.statusCode).toBe(201);
    const sub = add.json().subCategories.find((s: { slug: string }) => s.slug === 'modular-kitchen');
    expect(sub).toMatchObject({ defaultDurationMin: 240, isActive: true });
    const dup = await t.app.inject({
      method: 'POST',
      url: `/api/admin/categories/${id}/sub-categories`,
      payload: { slug: 'modular-kitchen', nameTranslations: { en: 'x', hi: 'x' } },
      headers: admin.headers,
    });
    expect(dup.statusCode).toBe(409);
    const upd = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/sub-categories/${sub.id}`,
      payload: { defaultDurationMin: 180 },
      headers: admin.headers,
    });
    expect(upd.json().subCategories.find((s: { id: string }) => s.id === sub.id).defaultDurationMin).toBe(180);
    await t.app.inject({ method: 'DELETE', url: `/api/admin/sub-categories/${sub.id}`, headers: admin.headers });
    const pub = (await t.app.inject({ url: `/api/categories/${id}` })).json();
    expect(pub.subCategories.map((s: { id: string }) => s.id)).not.toContain(sub.id);
    const tooShort = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/sub-categories/${sub.id}`,
      payload: { defaultDurationMin: 5 },
      headers: admin.headers,
    });
    expect(tooShort.statusCode).toBe(400);
  });
});
