import { like, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { bookings } from '../modules/bookings/bookings.tables';
import { catalog } from '../modules/catalog/catalog.data';
import { categories, subCategories } from '../modules/catalog/catalog.tables';
import { type PriceItem, providerProfiles, type WorkingHours } from '../modules/providers/providers.tables';
import { computeReputation } from '../modules/reviews/reputation';
import { reviews } from '../modules/reviews/reviews.tables';
import { customerAddresses, customerProfiles, users } from '../modules/users/users.tables';
import { businessName, personFor, reviewComment } from './people';
import { type City, cities, jitter } from './places';
import { createRng } from './prng';
import { insertChunked, type SeedProgress, seedDemoData } from './seed';

export interface LargeSeedOptions {
  providers: number;
  bookingsPerProvider: number;
  /** Share of completed bookings that get a review. */
  reviewShare: number;
  seed?: number;
  progress?: SeedProgress;
}

const DAY = 86_400_000;
const MINUTE = 60_000;
const BATCH = 2000;

const weekdays: WorkingHours = (() => {
  const d = [{ start: '09:00', end: '19:00', breaks: [{ start: '13:00', end: '14:00' }] }];
  return { '0': [], '1': d, '2': d, '3': d, '4': d, '5': d, '6': d };
})();

/**
 * Benchmark-scale data on top of the demo seed: `providers` approved providers spread over the three
 * cities (jittered up to 8 km around real localities), half as many customers, and past COMPLETED
 * bookings with reviews; provider aggregates match the rows. Uses its own phone ranges
 * (+9196… providers, +9195… customers) and continues numbering when run again.
 */
export async function seedLarge(
  database: Database,
  opts: LargeSeedOptions,
): Promise<{ providers: number; bookings: number; reviews: number }> {
  const { db } = database;
  await seedDemoData(database);
  const rng = createRng((opts.seed ?? 99) + opts.providers);
  const now = Date.now();
  const today = Math.floor(now / DAY) * DAY;

  const cats = await db.select().from(categories);
  const subs = await db.select().from(subCategories);
  const catBySlug = new Map(cats.map((c) => [c.slug, c]));
  const subsByCat = new Map<string, typeof subs>();
  for (const s of subs) subsByCat.set(s.categoryId, [...(subsByCat.get(s.categoryId) ?? []), s]);
  const priceRange = new Map(catalog.flatMap((c) => c.subCategories.map((s) => [`${c.slug}/${s.slug}`, s.pricePaise] as const)));

  const [{ n: existingProviders } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(like(users.phone, '+9196%'));
  const [{ n: existingCustomers } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(like(users.phone, '+9195%'));
  let bookingSeq = (await db.select({ n: sql<number>`count(*)::int` }).from(bookings))[0]?.n ?? 0;

  const cityWeights = cities.map((c) => [c, c.weight] as const);
  const customerCount = Math.max(500, Math.ceil(opts.providers / 2));
  const customersByCity = new Map<string, { id: string; lat: number; lng: number; address: string }[]>();
  const total = customerCount + opts.providers;
  let done = 0;

  // Customers
  for (let offset = 0; offset < customerCount; offset += BATCH) {
    const n = Math.min(BATCH, customerCount - offset);
    const userRows: (typeof users.$inferInsert)[] = [];
    const profileRows: (typeof customerProfiles.$inferInsert)[] = [];
    const addressRows: (typeof customerAddresses.$inferInsert)[] = [];
    for (let i = 0; i < n; i++) {
      const city = rng.weighted(cityWeights);
      const locality = rng.pick(city.localities);
      const person = personFor(rng, city.name, 0.5);
      const userId = rng.uuid();
      const id = rng.uuid();
      const point = jitter(locality, 6, rng.next(), rng.next());
      const address = `${rng.int(1, 900)}, Block ${rng.int(1, 30)}, ${locality.name}, ${city.name}`;
      const createdAt = new Date(today - rng.int(1000, 1400) * DAY);
      userRows.push({
        id: userId,
        role: 'CUSTOMER',
        phone: `+9195${String(existingCustomers + offset + i).padStart(8, '0')}`,
        name: person.name,
        createdAt,
      });
      profileRows.push({ id, userId, createdAt });
      addressRows.push({
        customerId: id,
        label: 'Home',
        addressText: address,
        pincode: locality.pincode,
        ...point,
        isDefault: true,
      });
      const list = customersByCity.get(city.name) ?? [];
      list.push({ id, ...point, address });
      customersByCity.set(city.name, list);
    }
    await database.db.transaction(async (tx) => {
      await insertChunked(tx, users, userRows);
      await insertChunked(tx, customerProfiles, profileRows);
      await insertChunked(tx, customerAddresses, addressRows);
    });
    done += n;
    opts.progress?.('customers', done, total);
  }

  // Providers with their bookings and reviews
  let bookingTotal = 0;
  let reviewTotal = 0;
  for (let offset = 0; offset < opts.providers; offset += BATCH) {
    const n = Math.min(BATCH, opts.providers - offset);
    const userRows: (typeof users.$inferInsert)[] = [];
    const providerRows: (typeof providerProfiles.$inferInsert)[] = [];
    const bookingRows: (typeof bookings.$inferInsert)[] = [];
    const reviewRows: (typeof reviews.$inferInsert)[] = [];
    for (let i = 0; i < n; i++) {
      const city: City = rng.weighted(cityWeights);
      const locality = rng.pick(city.localities);
      const catalogCat = rng.pick(catalog);
      const category = catBySlug.get(catalogCat.slug)!;
      const catSubs = subsByCat.get(category.id) ?? [];
      const person = personFor(rng, city.name, 0.2);
      const userId = rng.uuid();
      const id = rng.uuid();
      const base = jitter(locality, 8, rng.next(), rng.next());
      const radiusKm = rng.int(3, 15);
      const joined = today - rng.int(400, 900) * DAY;
      const pricing: PriceItem[] = catSubs.map((s) => {
        const [min, max] = priceRange.get(`${catalogCat.slug}/${s.slug}`) ?? [29_900, 99_900];
        return {
          subCategoryId: s.id,
          kind: 'FIXED',
          amountPaise: Math.round((min + rng.next() * (max - min)) / 5000) * 5000 - 100,
          durationMin: s.defaultDurationMin,
        };
      });
      const quality = Math.max(3, Math.min(4.95, 4.2 + rng.gauss() * 0.4));
      const aadhaarVerified = rng.chance(0.8);
      const backgroundVerified = rng.chance(0.35);
      const pool = customersByCity.get(city.name) ?? [...customersByCity.values()][0]!;
      const published: { overallRating: number; createdAt: Date }[] = [];
      const responses: number[] = [];
      for (let k = 0; k < opts.bookingsPerProvider; k++) {
        const price = rng.pick(pricing);
        const sub = catSubs.find((s) => s.id === price.subCategoryId)!;
        const customer = rng.pick(pool);
        // One booking per provider per day, spread over the last ~year: never overlapping.
        const day = today - (k * 3 + rng.int(1, 3)) * DAY;
        const start = new Date(day + (rng.int(9, 16) * 60 - 330) * MINUTE);
        const end = new Date(start.getTime() + sub.defaultDurationMin * MINUTE);
        const createdAt = new Date(start.getTime() - rng.int(2, 48) * 60 * MINUTE);
        const responseTimeSec = rng.int(60, 3600);
        responses.push(responseTimeSec);
        const bookingId = rng.uuid();
        bookingSeq++;
        bookingRows.push({
          id: bookingId,
          bookingNumber: `LX${bookingSeq.toString(36).toUpperCase().padStart(8, '0')}`,
          customerId: customer.id,
          providerId: id,
          categoryId: category.id,
          subCategoryId: sub.id,
          serviceType: sub.name,
          serviceLocation: { address: customer.address, lat: customer.lat, lng: customer.lng },
          serviceLat: customer.lat,
          serviceLng: customer.lng,
          scheduledStart: start,
          scheduledEnd: end,
          slot: `[${start.toISOString()},${new Date(end.getTime() + 30 * MINUTE).toISOString()})`,
          travelBufferMin: 30,
          status: 'COMPLETED',
          quotedPrice: price.amountPaise,
          finalPrice: price.amountPaise,
          startCode: String(rng.int(0, 9999)).padStart(4, '0'),
          responseTimeSec,
          createdAt,
          confirmedAt: new Date(createdAt.getTime() + responseTimeSec * 1000),
          startedAt: start,
          completedAt: end,
        });
        if (rng.chance(opts.reviewShare)) {
          const overall = Math.max(1, Math.min(5, Math.round(quality + rng.gauss() * 0.6)));
          const reviewedAt = new Date(end.getTime() + rng.int(1, 24) * 60 * MINUTE);
          reviewRows.push({
            bookingId,
            customerId: customer.id,
            providerId: id,
            overallRating: overall,
            comment: reviewComment(rng, overall),
            createdAt: reviewedAt,
          });
          published.push({ overallRating: overall, createdAt: reviewedAt });
        }
      }
      const avgResponse = responses.length ? Math.round(responses.reduce((a, b) => a + b, 0) / responses.length) : null;
      const averageRating = published.length
        ? Math.round((published.reduce((s, r) => s + r.overallRating, 0) / published.length) * 100) / 100
        : 0;
      userRows.push({
        id: userId,
        role: 'PROVIDER',
        phone: `+9196${String(existingProviders + offset + i).padStart(8, '0')}`,
        name: person.name,
        createdAt: new Date(joined),
      });
      providerRows.push({
        id,
        userId,
        status: 'APPROVED',
        businessName: businessName(rng, person, catalogCat.slug),
        description: `${catalogCat.name.en} services in ${locality.name}, ${city.name}.`,
        categoryId: category.id,
        subCategoryIds: catSubs.map((s) => s.id),
        address: `${locality.name}, ${city.name}`,
        city: city.name,
        aadhaarVerified,
        aadhaarMasked: aadhaarVerified ? `XXXX-XXXX-${String(rng.int(0, 9999)).padStart(4, '0')}` : null,
        backgroundVerified,
        backgroundStatus: backgroundVerified ? 'PASSED' : 'NOT_STARTED',
        serviceAreas: { radiusKm, localities: [locality.name], pincodes: [locality.pincode] },
        baseLat: base.lat,
        baseLng: base.lng,
        serviceRadiusKm: radiusKm,
        pricing,
        workingHours: weekdays,
        languages: city.name === 'Bengaluru' ? ['kn', 'en'] : ['hi', 'en'],
        totalJobs: opts.bookingsPerProvider,
        completedJobs: opts.bookingsPerProvider,
        acceptedJobs: opts.bookingsPerProvider,
        ratingCount: published.length,
        averageRating,
        responseTime: avgResponse,
        reputationScore: computeReputation({
          now: new Date(now),
          reviews: published,
          completedJobs: opts.bookingsPerProvider,
          avgResponseMinutes: avgResponse === null ? null : avgResponse / 60,
          aadhaarVerified,
          backgroundVerified,
          acceptedBookings: opts.bookingsPerProvider,
          providerCancellations: 0,
        }).score,
        submittedAt: new Date(joined + DAY),
        approvedAt: new Date(joined + 2 * DAY),
        createdAt: new Date(joined),
      });
    }
    await database.db.transaction(async (tx) => {
      await insertChunked(tx, users, userRows);
      await insertChunked(tx, providerProfiles, providerRows);
      await insertChunked(tx, bookings, bookingRows);
      await insertChunked(tx, reviews, reviewRows);
    });
    bookingTotal += bookingRows.length;
    reviewTotal += reviewRows.length;
    done += n;
    opts.progress?.(`providers (${bookingTotal} bookings, ${reviewTotal} reviews)`, done, total);
  }
  await database.query('analyze');
  return { providers: opts.providers, bookings: bookingTotal, reviews: reviewTotal };
}
