import { afterAll, beforeAll, describe } from 'vitest';
import { createTestApp, type TestApp } from './app';
import { adminOnly, authzMatrix, type MatrixContext, type MatrixExpectations, publicRoute } from './authz/matrix';
import { createSearchableProvider, type SeededCatalog, seedCatalog } from './factories/search';

let t: TestApp;
let cat: SeededCatalog;
let providerId: string;
const HZ = { lat: 26.8506, lng: 80.9466 };

beforeAll(async () => {
  t = await createTestApp();
  cat = await seedCatalog(t.c.db);
  providerId = (await createSearchableProvider(t.c, cat, { categorySlug: 'plumbing', lat: HZ.lat, lng: HZ.lng + 0.01 }))
    .providerId;
});
afterAll(async () => {
  await t?.close();
});

/** Only the customer whose search it was may log a selection; everyone else is told it does not exist. */
const ownerOnly: MatrixExpectations = {
  anonymous: 404,
  customer: 201,
  otherCustomer: 404,
  provider: 404,
  otherProvider: 404,
  admin: 404,
  adminNo2fa: 404,
  banned: 404,
};

describe('catalogue and search: route × role matrix', () => {
  const categoryId = () => cat.get('plumbing')!.categoryId;
  const subId = () => cat.get('plumbing/tap-repair')!.subCategoryId!;
  authzMatrix(
    () => t,
    [
      { name: 'list categories', method: 'GET', url: '/api/categories?lang=hi', expect: publicRoute },
      { name: 'one category', method: 'GET', url: () => `/api/categories/${categoryId()}`, expect: publicRoute },
      { name: 'search', method: 'POST', url: '/api/search', body: { query: 'plumber', location: HZ }, expect: publicRoute },
      { name: 'geocode', method: 'GET', url: '/api/geo/geocode?q=Hazratganj', expect: publicRoute },
      { name: 'reverse geocode', method: 'GET', url: `/api/geo/reverse?lat=${HZ.lat}&lng=${HZ.lng}`, expect: publicRoute },
      {
        name: 'select a result of your own search',
        method: 'POST',
        url: async (ctx) => {
          const res = await ctx.t.app.inject({
            method: 'POST',
            url: '/api/search',
            payload: { query: 'plumber', location: HZ },
            headers: ctx.actors.customer.headers,
          });
          return `/api/search/${res.json().searchId}/select`;
        },
        body: () => ({ providerId }),
        expect: ownerOnly,
      },
      { name: 'admin: list categories', method: 'GET', url: '/api/admin/categories', expect: adminOnly },
      {
        name: 'admin: create category',
        method: 'POST',
        url: '/api/admin/categories',
        body: (ctx: MatrixContext) => ({
          slug: `matrix-${ctx.as.toLowerCase()}`,
          nameTranslations: { en: 'Matrix', hi: 'मैट्रिक्स' },
          icon: 'grid',
        }),
        expect: adminOnly,
      },
      {
        name: 'admin: update category',
        method: 'PATCH',
        url: () => `/api/admin/categories/${categoryId()}`,
        body: { sortOrder: 0 },
        expect: adminOnly,
      },
      {
        name: 'admin: add sub-category',
        method: 'POST',
        url: () => `/api/admin/categories/${categoryId()}/sub-categories`,
        body: (ctx: MatrixContext) => ({
          slug: `matrix-${ctx.as.toLowerCase()}`,
          nameTranslations: { en: 'Matrix', hi: 'मैट्रिक्स' },
        }),
        expect: adminOnly,
      },
      {
        name: 'admin: update sub-category',
        method: 'PATCH',
        url: () => `/api/admin/sub-categories/${subId()}`,
        body: { sortOrder: 0 },
        expect: adminOnly,
      },
    ],
  );
});
