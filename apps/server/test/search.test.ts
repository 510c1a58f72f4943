import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings } from '../src/modules/bookings/bookings.tables';
import { providerProfiles, type WorkingHours } from '../src/modules/providers/providers.tables';
import { reviews } from '../src/modules/reviews/reviews.tables';
import { searchImpressions, searchLogs, searchSelections } from '../src/modules/search/search.tables';
import { users } from '../src/modules/users/users.tables';
import { createTestApp, type TestApp } from './app';
import { createUser } from './factories';
import { createBookingRow } from './factories/reviews';
import { createSearchableProvider, type SeededCatalog, seedCatalog } from './factories/search';

// Hazratganj, Lucknow
const HZ = { lat: 26.8506, lng: 80.9466 };
/** A point `km` east of Hazratganj. */
const east = (km: number) => ({ lat: HZ.lat, lng: HZ.lng + km / (111.32 * Math.cos((HZ.lat * Math.PI) / 180)) });

let t: TestApp;
let cat: SeededCatalog;
let near: string;
let reviewed: string;
let oneFive: string;

const post = (body: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/search', payload: body as object, headers });

beforeAll(async () => {
  t = await createTestApp();
  cat = await seedCatalog(t.c.db);
  // plumbing providers around Hazratganj
  near = (
    await createSearchableProvider(t.c, cat, { categorySlug: 'plumbing', ...east(1), businessName: 'Kapoor Brothers Plumbing' })
  ).providerId;
  reviewed = (
    await createSearchableProvider(t.c, cat, {
      categorySlug: 'plumbing',
      ...east(3),
      averageRating: 4.8,
      ratingCount: 200,
      pricePaise: 25_000,
    })
  ).providerId;
  oneFive = (await createSearchableProvider(t.c, cat, { categorySlug: 'plumbing', ...east(3), averageRating: 5, ratingCount: 1 }))
    .providerId;
  // an electrician nearby, a plumber in Delhi, a plumber whose own radius does not reach, a suspended one, a banned user
  await createSearchableProvider(t.c, cat, { categorySlug: 'electrical', ...east(1) });
  await createSearchableProvider(t.c, cat, { categorySlug: 'plumbing', lat: 28.6139, lng: 77.209 });
  await createSearchableProvider(t.c, cat, { categorySlug: 'plumbing', ...east(6), radiusKm: 4 });
  const suspended = await createSearchableProvider(t.c, cat, { categorySlug: 'plumbing', ...east(2) });
  await t.c.db.update(providerProfiles).set({ status: 'SUSPENDED' }).where(eq(providerProfiles.id, suspended.providerId));
  const banned = await createSearchableProvider(t.c, cat, { categorySlug: 'plumbing', ...east(2) });
  await t.c.db.update(users).set({ status: 'BANNED' }).where(eq(users.id, banned.user.id));
});
afterAll(async () => {
  await t?.close();
});

describe('POST /api/search', () => {
  it('understands Hinglish, finds approved plumbers whose area covers the customer, and explains the ranking', async () => {
    const res = await post({ query: 'nal tapak raha hai', location: HZ });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.interpretation).toMatchObject({
      language: 'hinglish',
      categoryId: cat.get('plumbing')!.categoryId,
      subCategoryId: cat.get('plumbing/tap-repair')!.subCategoryId,
      categorySlug: 'plumbing',
      subCategorySlug: 'tap-repair',
      direct: false,
      source: 'rules',
    });
    const ids = body.results.map((r: { provider: { id: string } }) => r.provider.id);
    expect(new Set(ids)).toEqual(new Set([near, reviewed, oneFive]));
    const scores = body.results.map((r: { matchScore: number }) => r.matchScore);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const r of body.results) {
      expect(r.matchScore).toBeGreaterThanOrEqual(0);
      expect(r.matchScore).toBeLessThanOrEqual(100);
      expect(r.scoreBreakdown.map((b: { component: string }) => b.component)).toEqual([
        'rating',
        'verification',
        'responseTime',
        'distance',
        'availability',
        'personalisation',
        'reputationBoost',
      ]);
      expect(r.scoreBreakdown[0].reason.hi).toMatch(/[\u0900-\u097f]/);
      if (r.nextAvailableSlot) expect(r.nextAvailableSlot).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+05:30$/);
    }
    const first = body.results.find((r: { provider: { id: string } }) => r.provider.id === reviewed);
    expect(first.priceFrom).toBe(25_000); // the tap-repair price, the lowest matching one
    expect(first.distanceKm).toBeCloseTo(3, 0);
  });

  it('two hundred 4.8★ reviews outrank a single 5★ review', async () => {
    const body = (await post({ query: 'plumber', location: HZ })).json();
    const rank = (id: string) => body.results.findIndex((r: { provider: { id: string } }) => r.provider.id === id);
    expect(rank(reviewed)).toBeLessThan(rank(oneFive));
  });

  it('a bare trade name is a direct category search', async () => {
    const body = (await post({ query: 'Plumber', location: HZ })).json();
    expect(body.interpretation).toMatchObject({ direct: true, categorySlug: 'plumbing', when: null, urgency: 'normal' });
  });

  it('reads time and urgency, and a locality named in the query moves the search there', async () => {
    const body = (await post({ query: 'kal subah AC service chahiye, Gomti Nagar', location: HZ })).json();
    expect(body.interpretation.subCategorySlug).toBe('ac-service');
    expect(body.interpretation.when.start).toMatch(/T08:00:00\+05:30$/);
    expect(body.interpretation.locationText).toBe('Gomti Nagar, Lucknow');
    expect(body.location).toMatchObject({ lat: 26.85, lng: 81 });
    const urgent = (await post({ query: 'pipe burst jaldi', location: HZ })).json();
    expect(urgent.interpretation.urgency).toBe('urgent');
  });

  it('accepts a location as text via the gazetteer', async () => {
    const res = await post({ query: 'plumber', location: { text: 'Hazratganj' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().results.length).toBe(3);
  });

  it('matches provider names when the query names no service, tolerating a typo', async () => {
    const exact = (await post({ query: 'Kapoor Brothers', location: HZ })).json();
    expect(exact.interpretation.categoryId).toBeNull();
    expect(exact.results.map((r: { provider: { id: string } }) => r.provider.id)).toEqual([near]);
    const typo = (await post({ query: 'kapor brothers', location: HZ })).json();
    expect(typo.results.map((r: { provider: { id: string } }) => r.provider.id)).toEqual([near]);
    const none = (await post({ query: 'xyzzy qwerty', location: HZ })).json();
    expect(none.results).toEqual([]);
    // the name search combines with price and rating filters
    const ids = async (filters: object) =>
      (await post({ query: 'Kapoor Brothers', location: HZ, filters }))
        .json()
        .results.map((r: { provider: { id: string } }) => r.provider.id);
    expect(await ids({ maxPrice: 100_000_000, minRating: 0 })).toEqual([near]);
    expect(await ids({ maxPrice: 1 })).toEqual([]);
  });

  it('applies filters: minRating, maxPrice, maxDistanceKm, verifiedOnly, categoryId', async () => {
    const f = async (filters: object) =>
      (await post({ query: 'plumber', location: HZ, filters }))
        .json()
        .results.map((r: { provider: { id: string } }) => r.provider.id);
    expect(new Set(await f({ minRating: 4.5 }))).toEqual(new Set([reviewed, oneFive]));
    expect(await f({ maxPrice: 25_000 })).toEqual([reviewed]);
    expect(await f({ maxDistanceKm: 2 })).toEqual([near]);
    expect(await f({ verifiedOnly: true })).toEqual([]);
    const byCategory = (
      await post({ query: '', location: HZ, filters: { categoryId: cat.get('electrical')!.categoryId } })
    ).json();
    expect(byCategory.results).toHaveLength(1);
  });

  it('availableAt keeps only providers free then', async () => {
    const customer = await createUser(t.c);
    // next Tuesday or later, 11:00 IST, at least two days ahead
    const d = new Date(Date.now() + 2 * 86_400_000);
    while (new Date(d.getTime() + 5.5 * 3_600_000).getUTCDay() === 0) d.setTime(d.getTime() + 86_400_000);
    const day = new Date(d.getTime() + 5.5 * 3_600_000).toISOString().slice(0, 10);
    const start = new Date(`${day}T11:00:00+05:30`);
    const end = new Date(start.getTime() + 2 * 3_600_000);
    await t.c.db.insert(bookings).values({
      bookingNumber: `LP-T-${Date.now()}`,
      customerId: customer.customerId!,
      providerId: near,
      categoryId: cat.get('plumbing')!.categoryId,
      subCategoryId: cat.get('plumbing/tap-repair')!.subCategoryId!,
      serviceType: 'tap-repair',
      serviceLocation: { address: 'Hazratganj', ...HZ },
      serviceLat: HZ.lat,
      serviceLng: HZ.lng,
      scheduledStart: start,
      scheduledEnd: end,
      slot: `[${start.toISOString()},${end.toISOString()})`,
      status: 'CONFIRMED',
      quotedPrice: 30_000,
      startCode: '1234',
    });
    const body = (await post({ query: 'plumber', location: HZ, filters: { availableAt: `${day}T11:30:00+05:30` } })).json();
    const ids = body.results.map((r: { provider: { id: string } }) => r.provider.id);
    expect(ids).not.toContain(near);
    expect(new Set(ids)).toEqual(new Set([reviewed, oneFive]));
    expect(body.results[0].badges).toContain('AVAILABLE_THEN');
  });

  it('on a day most pros are off, the ones who work then rank first; the others still show full cards', async () => {
    // Tomorrow in IST: the day "kal subah" asks for.
    const tomorrow = new Date(Date.now() + 5.5 * 3_600_000 + 86_400_000).getUTCDay();
    const allDays = (except?: number) =>
      Object.fromEntries(
        [0, 1, 2, 3, 4, 5, 6].map((d) => [String(d), d === except ? [] : [{ start: '07:00', end: '20:00' }]]),
      ) as WorkingHours;
    const make = async (name: string, hours: WorkingHours | null) => {
      const p = await createSearchableProvider(t.c, cat, {
        categorySlug: 'painting',
        ...east(2),
        businessName: name,
        averageRating: 4.5,
        ratingCount: 40,
      });
      await t.c.db.update(providerProfiles).set({ workingHours: hours }).where(eq(providerProfiles.id, p.providerId));
      return p.providerId;
    };
    const offTomorrow = await make('Off Tomorrow Painters', allDays(tomorrow));
    const worksTomorrow = await make('Works Tomorrow Painters', allDays());
    const noHours = await make('No Hours Painters', null);
    const body = (await post({ query: 'painter kal subah', location: HZ })).json();
    expect(body.interpretation.when.precision).toBe('part-of-day');
    type R = {
      provider: { id: string; businessName: string };
      priceFrom: number;
      nextAvailableSlot: string | null;
      scoreBreakdown: { component: string; points: number }[];
    };
    const byId = new Map<string, R>(body.results.map((r: R) => [r.provider.id, r]));
    const ids = body.results.map((r: R) => r.provider.id);
    expect(ids[0]).toBe(worksTomorrow);
    expect(new Set(ids.slice(1))).toEqual(new Set([offTomorrow, noHours])); // equal scores; order by id
    const availability = (id: string) => byId.get(id)!.scoreBreakdown.find((b) => b.component === 'availability')!.points;
    expect(availability(worksTomorrow)).toBe(10);
    expect(availability(offTomorrow)).toBe(0);
    expect(byId.get(offTomorrow)).toMatchObject({
      provider: { businessName: 'Off Tomorrow Painters' },
      priceFrom: expect.any(Number),
    });
    expect(byId.get(offTomorrow)!.nextAvailableSlot).toEqual(expect.any(String)); // free the day before or after
    expect(byId.get(noHours)!.nextAvailableSlot).toBeNull();
  });

  it('personalises only when signed in (language spoken)', async () => {
    const anon = (await post({ query: 'plumber', location: HZ })).json();
    const customer = await createUser(t.c, { language: 'hi' });
    const mine = (await post({ query: 'plumber', location: HZ }, customer.headers)).json();
    const pts = (b: { results: { provider: { id: string }; scoreBreakdown: { component: string; points: number }[] }[] }) =>
      b.results.find((r) => r.provider.id === near)!.scoreBreakdown.find((x) => x.component === 'personalisation')!.points;
    expect(pts(anon)).toBe(0);
    expect(pts(mine)).toBe(2);
  });

  it('a pro the customer rated 4★ or more after a finished job gets 5 personal points; one rated 3★ does not', async () => {
    const customer = await createUser(t.c);
    const plumbing = cat.get('plumbing')!.categoryId;
    const sub = [...cat.entries()].find(([k]) => k.startsWith('plumbing/'))![1].subCategoryId!;
    for (const [providerId, stars] of [
      [near, 5],
      [reviewed, 3],
    ] as const) {
      const booking = await createBookingRow(t.c, {
        customerId: customer.customerId!,
        providerId,
        category: { category: { id: plumbing }, subCategories: [{ id: sub }] } as never,
      });
      await t.c.db
        .insert(reviews)
        .values({ bookingId: booking.id, customerId: customer.customerId!, providerId, overallRating: stars });
    }
    type R = { provider: { id: string }; scoreBreakdown: { component: string; points: number; reason: { en: string } }[] };
    const personal = (body: { results: R[] }, id: string) =>
      body.results.find((r) => r.provider.id === id)!.scoreBreakdown.find((x) => x.component === 'personalisation')!;
    const mine = (await post({ query: 'plumber', location: HZ }, customer.headers)).json();
    const other = (await post({ query: 'plumber', location: HZ }, (await createUser(t.c)).headers)).json(); // no past jobs
    expect(personal(mine, near).points - personal(other, near).points).toBe(5);
    expect(personal(mine, near).reason.en).toContain('you rated a past job 4★ or more');
    expect(personal(mine, reviewed).points).toBe(personal(other, reviewed).points);
    expect(personal(mine, reviewed).reason.en).not.toContain('you rated');
  });

  it('logs the search and its impressions, and the customer selection', async () => {
    const customer = await createUser(t.c);
    const body = (await post({ query: 'plumber', location: HZ }, customer.headers)).json();
    const [log] = await t.c.db.select().from(searchLogs).where(eq(searchLogs.id, body.searchId));
    expect(log).toMatchObject({ userId: customer.id, query: 'plumber', resultCount: 3 });
    const shown = await t.c.db.select().from(searchImpressions).where(eq(searchImpressions.searchId, body.searchId));
    expect(shown.map((s) => s.rank).sort()).toEqual([1, 2, 3]);

    const pick = body.results[1].provider.id;
    const sel = await t.app.inject({
      method: 'POST',
      url: `/api/search/${body.searchId}/select`,
      payload: { providerId: pick },
      headers: customer.headers,
    });
    expect(sel.statusCode).toBe(201);
    expect(sel.json()).toMatchObject({ providerId: pick, rank: 2 });
    const rows = await t.c.db.select().from(searchSelections).where(eq(searchSelections.searchId, body.searchId));
    expect(rows).toHaveLength(1);

    const other = await createUser(t.c);
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/search/${body.searchId}/select`,
      payload: { providerId: pick },
      headers: other.headers,
    });
    expect(foreign.statusCode).toBe(404);
    const notShown = await t.app.inject({
      method: 'POST',
      url: `/api/search/${body.searchId}/select`,
      payload: { providerId: customer.id },
      headers: customer.headers,
    });
    expect(notShown.statusCode).toBe(422);
  });

  it('pages with an opaque cursor, 20 at a time, no repeats, scores never rising', async () => {
    for (let i = 0; i < 22; i++) {
      await createSearchableProvider(t.c, cat, {
        categorySlug: 'carpentry',
        ...east(0.2 + i * 0.3),
        averageRating: 3 + (i % 5) * 0.4,
        ratingCount: i,
      });
    }
    const p1 = (await post({ query: 'carpenter', location: HZ })).json();
    expect(p1.results).toHaveLength(20);
    expect(p1.nextCursor).toEqual(expect.any(String));
    const p2 = (await post({ query: 'carpenter', location: HZ, cursor: p1.nextCursor })).json();
    expect(p2.searchId).toBe(p1.searchId);
    expect(p2.results).toHaveLength(2);
    expect(p2.nextCursor).toBeNull();
    const all = [...p1.results, ...p2.results];
    expect(new Set(all.map((r: { provider: { id: string } }) => r.provider.id)).size).toBe(22);
    const scores = all.map((r: { matchScore: number }) => r.matchScore);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const bad = await post({ query: 'carpenter', location: HZ, cursor: 'not-a-cursor' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_CURSOR');
  });
});

describe('POST /api/search refuses bad input with a clear 4xx', () => {
  const cases: [string, unknown, number, string][] = [
    ['empty query', { query: '', location: HZ }, 400, 'QUERY_EMPTY'],
    ['only spaces', { query: '    ', location: HZ }, 400, 'QUERY_EMPTY'],
    ['only emoji', { query: '🔧🚿😀', location: HZ }, 400, 'QUERY_EMPTY'],
    ['2,000 characters', { query: 'plumber '.repeat(250), location: HZ }, 400, 'QUERY_TOO_LONG'],
    ['London', { query: 'plumber', location: { lat: 51.5072, lng: -0.1276 } }, 400, 'LOCATION_OUTSIDE_INDIA'],
    ['latitude 200', { query: 'plumber', location: { lat: 200, lng: 80 } }, 400, 'VALIDATION_FAILED'],
    ['unknown place', { query: 'plumber', location: { text: 'Atlantis Nagar' } }, 400, 'LOCATION_NOT_FOUND'],
    ['unknown field', { query: 'plumber', location: HZ, sort: 'price' }, 400, 'VALIDATION_FAILED'],
    ['rating 7', { query: 'plumber', location: HZ, filters: { minRating: 7 } }, 400, 'VALIDATION_FAILED'],
    ['10,000 km', { query: 'plumber', location: HZ, filters: { maxDistanceKm: 10_000 } }, 400, 'VALIDATION_FAILED'],
    ['negative price', { query: 'plumber', location: HZ, filters: { maxPrice: -5 } }, 400, 'VALIDATION_FAILED'],
    ['not an instant', { query: 'plumber', location: HZ, filters: { availableAt: 'tomorrow' } }, 400, 'VALIDATION_FAILED'],
    [
      'availableAt in 1999',
      { query: 'plumber', location: HZ, filters: { availableAt: '1999-01-01T10:00:00+05:30' } },
      400,
      'INVALID_FILTER',
    ],
    [
      'unknown category',
      { query: 'plumber', location: HZ, filters: { categoryId: '00000000-0000-4000-8000-000000000000' } },
      400,
      'UNKNOWN_CATEGORY',
    ],
    [
      'unknown sub-category',
      { query: 'plumber', location: HZ, filters: { subCategoryId: '00000000-0000-4000-8000-000000000000' } },
      400,
      'UNKNOWN_SUB_CATEGORY',
    ],
  ];
  for (const [name, body, status, code] of cases) {
    it(name, async () => {
      const res = await post(body);
      expect(res.statusCode).toBe(status);
      expect(res.json().error.code).toBe(code);
    });
  }

  it('a sub-category of another category is refused', async () => {
    const res = await post({
      query: 'plumber',
      location: HZ,
      filters: { categoryId: cat.get('plumbing')!.categoryId, subCategoryId: cat.get('electrical/wiring')!.subCategoryId },
    });
    expect(res.json().error.code).toBe('UNKNOWN_SUB_CATEGORY');
  });

  it('SQL-looking text is just text: a normal answer, and the data is intact', async () => {
    for (const query of ["'; DROP TABLE users; --", "plumber' OR 1=1 --", 'nal\u0000 tapak']) {
      const res = await post({ query, location: HZ });
      expect(res.statusCode).toBe(200);
    }
    const [{ n }] = (await t.c.database.query<{ n: number }>('select count(*)::int as n from users')).rows as [{ n: number }];
    expect(n).toBeGreaterThan(5);
    await t.c.db.execute(sql`select 1 from provider_profiles limit 1`);
  });
});

describe('GET /api/geo', () => {
  it('geocodes localities, Hindi names and pincodes from the gazetteer', async () => {
    const a = (await t.app.inject({ url: '/api/geo/geocode?q=Gomti%20Nagar' })).json();
    expect(a.items[0]).toMatchObject({ label: 'Gomti Nagar, Lucknow', city: 'Lucknow', pincode: '226010' });
    const hi = (await t.app.inject({ url: `/api/geo/geocode?q=${encodeURIComponent('हज़रतगंज')}` })).json();
    expect(hi.items[0].label).toBe('Hazratganj, Lucknow');
    const pin = (await t.app.inject({ url: '/api/geo/geocode?q=560034' })).json();
    expect(pin.items[0].label).toBe('Koramangala, Bengaluru');
    const none = (await t.app.inject({ url: '/api/geo/geocode?q=zzzzqqq' })).json();
    expect(none.items).toEqual([]);
    expect((await t.app.inject({ url: '/api/geo/geocode?q=' })).statusCode).toBe(400);
  });

  it('reverse-geocodes to the nearest known place; refuses points outside India', async () => {
    const r = (await t.app.inject({ url: `/api/geo/reverse?lat=${HZ.lat + 0.001}&lng=${HZ.lng}` })).json();
    expect(r.place.label).toBe('Hazratganj, Lucknow');
    const out = await t.app.inject({ url: '/api/geo/reverse?lat=51.5&lng=-0.12' });
    expect(out.statusCode).toBe(400);
    expect(out.json().error.code).toBe('LOCATION_OUTSIDE_INDIA');
    expect((await t.app.inject({ url: '/api/geo/reverse?lat=abc&lng=1' })).statusCode).toBe(400);
  });
});
