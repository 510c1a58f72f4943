import type { bookings } from '../modules/bookings/bookings.tables';
import { type CatalogCategory, type CatalogSubCategory, catalog } from '../modules/catalog/catalog.data';
import type { categories, subCategories } from '../modules/catalog/catalog.tables';
import type { payments } from '../modules/payments/payments.tables';
import type {
  backgroundChecks,
  kycRecords,
  PriceItem,
  providerProfiles,
  WorkingHours,
} from '../modules/providers/providers.tables';
import { computeReputation } from '../modules/reviews/reputation';
import type { reviews } from '../modules/reviews/reviews.tables';
import type { customerAddresses, customerProfiles, users } from '../modules/users/users.tables';
import { businessName, type Person, personFor, providerDescription, providerResponse, reviewComment } from './people';
import { type City, cities, distanceKm, jitter, type Locality } from './places';
import { createRng, type Rng } from './prng';

export const DEMO_PHONES = {
  admin: '+919000000000',
  customer: '+919000000001',
  provider: '+919000000101',
} as const;
export const DEFAULT_SEED = 20_260_101;
export const GST_RATE_BPS = 1800;

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface DemoOnlinePayment {
  paymentId: string;
  bookingId: string;
  providerId: string;
  amount: number;
  platformFee: number;
  gstOnFee: number;
  providerEarnings: number;
  paidAt: Date;
  releasedAt: Date;
}

export interface DemoData {
  categories: Row<typeof categories>[];
  subCategories: Row<typeof subCategories>[];
  users: Row<typeof users>[];
  customerProfiles: Row<typeof customerProfiles>[];
  customerAddresses: Row<typeof customerAddresses>[];
  providerProfiles: Row<typeof providerProfiles>[];
  kycRecords: Row<typeof kycRecords>[];
  backgroundChecks: Row<typeof backgroundChecks>[];
  bookings: Row<typeof bookings>[];
  payments: Row<typeof payments>[];
  reviews: Row<typeof reviews>[];
  /** ONLINE payments, which the seed also posts to the ledger (escrow → commission, GST, provider wallet). */
  onlinePayments: DemoOnlinePayment[];
}

export interface DemoOptions {
  seed?: number;
  /** Reference time; past bookings end before it and upcoming ones follow it. Default: now. */
  now?: Date;
  providers?: number;
  customers?: number;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;
const MINUTE = 60_000;
const IST_OFFSET = 330 * MINUTE;

/** `amount × bps / 10 000`, rounded half up (the payments module's rule). */
export function percentOf(amount: number, bps: number): number {
  return Number((BigInt(amount) * BigInt(bps) + 5_000n) / 10_000n);
}

/** A UTC instant for `dayStartUtcMs` (a UTC midnight) at hh:mm in India. */
function istAt(dayStartUtcMs: number, hh: number, mm: number): Date {
  return new Date(dayStartUtcMs + hh * HOUR + mm * MINUTE - IST_OFFSET);
}

function slotOf(start: Date, end: Date, bufferMin: number): string {
  return `[${start.toISOString()},${new Date(end.getTime() + bufferMin * MINUTE).toISOString()})`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const clampStars = (n: number) => Math.max(1, Math.min(5, Math.round(n)));

function hoursFor(categorySlug: string, rng: Rng): WorkingHours {
  const day = (start: string, end: string, lunch = true) => [
    { start, end, ...(lunch ? { breaks: [{ start: '13:00', end: '14:00' }] } : {}) },
  ];
  if (categorySlug === 'tutoring') {
    const evening = day('16:00', '20:30', false);
    return {
      '0': day('10:00', '13:00', false),
      '1': evening,
      '2': evening,
      '3': evening,
      '4': evening,
      '5': evening,
      '6': evening,
    };
  }
  if (categorySlug === 'beauty-at-home') {
    const d = day('09:00', '20:00');
    return { '0': d, '1': d, '2': [], '3': d, '4': d, '5': d, '6': d };
  }
  const template = rng.int(0, 2);
  const week = template === 0 ? day('09:00', '19:00') : template === 1 ? day('08:00', '20:00') : day('10:00', '18:00', false);
  const sunday = template === 1 ? day('09:00', '14:00', false) : [];
  return {
    '0': sunday,
    '1': week,
    '2': week,
    '3': week,
    '4': week,
    '5': week,
    '6': template === 2 ? day('10:00', '14:00', false) : week,
  };
}

function priceFor(rng: Rng, s: CatalogSubCategory): PriceItem & { subSlug: string } {
  const [min, max] = s.pricePaise;
  const raw = min + rng.next() * (max - min);
  const amountPaise = Math.max(min, Math.round(raw / 5000) * 5000 - 100);
  return { subCategoryId: '', subSlug: s.slug, kind: s.priceKind ?? 'FIXED', amountPaise, durationMin: s.defaultDurationMin };
}

interface Customer {
  id: string;
  userId: string;
  city: string;
  address: { address: string; lat: number; lng: number; pincode: string; landmark?: string };
  createdAt: Date;
}

interface ProviderPlan {
  id: string;
  userId: string;
  city: City;
  base: { lat: number; lng: number };
  radiusKm: number;
  category: CatalogCategory;
  categoryId: string;
  subs: { sub: CatalogSubCategory; id: string; price: number }[];
  quality: number;
  responseMeanSec: number;
  bookings: number;
  approvedAt: Date;
  aadhaarVerified: boolean;
  backgroundVerified: boolean;
  isDemo: boolean;
}

/** Builds the whole demo dataset in memory, deterministically from `seed`. */
export function buildDemoData(opts: DemoOptions = {}): DemoData {
  const rng = createRng(opts.seed ?? DEFAULT_SEED);
  const now = opts.now ?? new Date();
  const todayUtc = Math.floor(now.getTime() / DAY) * DAY;
  const providerTotal = opts.providers ?? 260;
  const customerTotal = opts.customers ?? 400;
  const data: DemoData = {
    categories: [],
    subCategories: [],
    users: [],
    customerProfiles: [],
    customerAddresses: [],
    providerProfiles: [],
    kycRecords: [],
    backgroundChecks: [],
    bookings: [],
    payments: [],
    reviews: [],
    onlinePayments: [],
  };

  // Catalogue
  const categoryIds = new Map<string, string>();
  const subIds = new Map<string, string>();
  catalog.forEach((cat, i) => {
    const id = rng.uuid();
    categoryIds.set(cat.slug, id);
    data.categories.push({
      id,
      slug: cat.slug,
      name: cat.name.en,
      nameTranslations: cat.name,
      icon: cat.icon,
      description: cat.description.en,
      descriptionTranslations: cat.description,
      sortOrder: i,
      platformFeeBps: cat.platformFeeBps,
      cancellationPolicy: cat.cancellationPolicy,
      backgroundCheckFeePaise: cat.backgroundCheckFeePaise,
    });
    cat.subCategories.forEach((s, j) => {
      const subId = rng.uuid();
      subIds.set(`${cat.slug}/${s.slug}`, subId);
      data.subCategories.push({
        id: subId,
        categoryId: id,
        slug: s.slug,
        name: s.name.en,
        nameTranslations: s.name,
        description: s.description,
        sortOrder: j,
        defaultDurationMin: s.defaultDurationMin,
      });
    });
  });

  const addUser = (u: Omit<Row<typeof users>, 'id'>) => {
    const id = rng.uuid();
    data.users.push({ id, ...u });
    return id;
  };

  // Fixed demo accounts
  addUser({
    role: 'ADMIN',
    phone: DEMO_PHONES.admin,
    name: 'LocalPro Admin',
    email: 'admin@localpro.example',
    createdAt: new Date(todayUtc - 1000 * DAY),
  });

  // Customers
  const customersByCity = new Map<string, Customer[]>();
  const cityWeights = cities.map((c) => [c, c.weight] as const);
  const addCustomer = (phone: string, city: City, locality: Locality, person: Person, language: 'en' | 'hi', label = 'Home') => {
    const createdAt = new Date(todayUtc - rng.int(950, 1100) * DAY);
    const userId = addUser({ role: 'CUSTOMER', phone, name: person.name, preferredLanguage: language, createdAt });
    const id = rng.uuid();
    data.customerProfiles.push({ id, userId, createdAt });
    const point = jitter(locality, 2, rng.next(), rng.next());
    const address = `${rng.int(1, 450)}, ${rng.pick(['Sector', 'Block', 'Lane', 'Phase'])} ${rng.int(1, 24)}, ${locality.name}, ${city.name}`;
    data.customerAddresses.push({
      id: rng.uuid(),
      customerId: id,
      label,
      addressText: address,
      pincode: locality.pincode,
      lat: point.lat,
      lng: point.lng,
      isDefault: true,
      createdAt,
    });
    const c: Customer = { id, userId, city: city.name, address: { address, ...point, pincode: locality.pincode }, createdAt };
    const list = customersByCity.get(city.name) ?? [];
    list.push(c);
    customersByCity.set(city.name, list);
    return c;
  };

  const lucknow = cities[0]!;
  const gomtiNagar = lucknow.localities.find((x) => x.name === 'Gomti Nagar')!;
  const demoCustomer = addCustomer(
    DEMO_PHONES.customer,
    lucknow,
    gomtiNagar,
    { first: 'Priya', last: 'Verma', name: 'Priya Verma', female: true },
    'en',
  );
  const hazratganj = lucknow.localities.find((x) => x.name === 'Hazratganj')!;
  data.customerAddresses.push({
    id: rng.uuid(),
    customerId: demoCustomer.id,
    label: 'Office',
    addressText: '4th floor, Sahara Ganj Mall, Hazratganj, Lucknow',
    landmark: 'Near GPO',
    pincode: hazratganj.pincode,
    lat: hazratganj.lat,
    lng: hazratganj.lng,
    isDefault: false,
    createdAt: demoCustomer.createdAt,
  });
  for (let i = 0; i < customerTotal; i++) {
    const city = rng.weighted(cityWeights);
    const person = personFor(rng, city.name, 0.5);
    addCustomer(
      `+9197${String(10_000_000 + i).padStart(8, '0')}`,
      city,
      rng.pick(city.localities),
      person,
      rng.chance(0.4) ? 'hi' : 'en',
    );
  }

  // Providers
  const plans: ProviderPlan[] = [];
  const weightSum = cities.reduce((s, c) => s + c.weight, 0);
  const categoryWeights = catalog.map(
    (c) =>
      [
        c,
        ['plumbing', 'electrical', 'ac-repair', 'cleaning'].includes(c.slug) ? 3 : c.slug === 'packers-movers' ? 1 : 2,
      ] as const,
  );
  const addProvider = (p: {
    phone: string;
    city: City;
    locality: Locality;
    category: CatalogCategory;
    person: Person;
    business?: string;
    isDemo?: boolean;
  }) => {
    const { city, locality, category, person } = p;
    const isDemo = p.isDemo ?? false;
    const joined = new Date(todayUtc - (isDemo ? 720 : rng.int(40, 900)) * DAY);
    const approvedAt = new Date(joined.getTime() + rng.int(1, 4) * DAY);
    const language = city.name === 'Bengaluru' ? 'en' : rng.chance(0.6) ? 'hi' : 'en';
    const userId = addUser({
      role: 'PROVIDER',
      phone: p.phone,
      name: person.name,
      preferredLanguage: language,
      createdAt: joined,
    });
    const id = rng.uuid();
    const base = isDemo ? { lat: 26.8587, lng: 81.0013 } : jitter(locality, 1.5, rng.next(), rng.next());
    const radiusKm = isDemo
      ? 10
      : category.slug === 'packers-movers'
        ? rng.int(15, 30)
        : category.slug === 'tutoring'
          ? rng.int(3, 6)
          : rng.int(4, 12);
    const subsChosen =
      isDemo || rng.chance(0.6)
        ? [...category.subCategories]
        : rng.sample(category.subCategories, rng.int(1, category.subCategories.length));
    const subs = subsChosen.map((s) => {
      const price = priceFor(rng, s);
      return { sub: s, id: subIds.get(`${category.slug}/${s.slug}`)!, price: price.amountPaise };
    });
    const pricing: PriceItem[] = subs.map((s) => ({
      subCategoryId: s.id,
      kind: s.sub.priceKind ?? 'FIXED',
      amountPaise: s.price,
      durationMin: s.sub.defaultDurationMin,
    }));
    const aadhaarVerified = isDemo || rng.chance(0.85);
    const backgroundVerified = isDemo || rng.chance(0.4);
    const years = rng.int(2, 22);
    const nearby = rng.sample(
      city.localities.filter((x) => x.name !== locality.name && distanceKm(x, base) <= radiusKm),
      4,
    );
    const languages = [
      ...(city.name === 'Bengaluru' ? (rng.chance(0.6) ? ['kn', 'en', 'hi'] : ['kn', 'en']) : ['hi', 'en']),
      ...(rng.chance(0.25) ? [rng.pick(city.localLanguages)] : []),
    ].filter((v, i, a) => a.indexOf(v) === i);
    const aadhaarMasked = aadhaarVerified ? `XXXX-XXXX-${String(rng.int(0, 9999)).padStart(4, '0')}` : null;
    data.providerProfiles.push({
      id,
      userId,
      status: 'APPROVED',
      businessName: p.business ?? businessName(rng, person, category.slug),
      description: isDemo
        ? 'Family-run plumbing business in Lucknow since 2008. Leaking taps, pipe bursts, blocked drains and complete bathroom fittings — upfront prices, genuine parts and a 30-day warranty.'
        : providerDescription(rng, category.name.en, years, locality.name),
      categoryId: categoryIds.get(category.slug)!,
      subCategoryIds: subs.map((s) => s.id),
      address: `${locality.name}, ${city.name}`,
      city: city.name,
      aadhaarVerified,
      aadhaarMasked,
      aadhaarVerifiedAt: aadhaarVerified ? new Date(joined.getTime() + HOUR) : null,
      backgroundVerified,
      backgroundStatus: backgroundVerified ? 'PASSED' : 'NOT_STARTED',
      backgroundVerifiedAt: backgroundVerified ? new Date(joined.getTime() + DAY) : null,
      serviceAreas: {
        radiusKm,
        localities: [locality.name, ...nearby.map((x) => x.name)],
        pincodes: [locality.pincode, ...nearby.map((x) => x.pincode)],
      },
      baseLat: base.lat,
      baseLng: base.lng,
      serviceRadiusKm: radiusKm,
      pricing,
      workingHours: hoursFor(category.slug, rng),
      languages,
      upiId: `${person.first.toLowerCase().replace(/[^a-z]/g, '')}${rng.int(10, 99)}@${rng.pick(['okaxis', 'oksbi', 'ybl', 'paytm', 'okhdfcbank'])}`,
      submittedAt: new Date(joined.getTime() + 2 * HOUR),
      approvedAt,
      createdAt: joined,
    });
    if (aadhaarVerified) {
      data.kycRecords.push({
        id: rng.uuid(),
        providerId: id,
        aadhaarMasked: aadhaarMasked!,
        vendor: 'sandbox',
        vendorReference: `seed-kyc-${id}`,
        status: 'VERIFIED',
        verifiedName: person.name,
        verifiedAt: new Date(joined.getTime() + HOUR),
        createdAt: joined,
      });
    }
    if (backgroundVerified) {
      data.backgroundChecks.push({
        id: rng.uuid(),
        providerId: id,
        status: 'PASSED',
        feePaise: category.backgroundCheckFeePaise,
        feePaymentRef: `seed-bgv-fee-${id}`,
        vendor: 'sandbox',
        vendorReference: `seed-bgv-${id}`,
        requestedAt: joined,
        completedAt: new Date(joined.getTime() + DAY),
      });
    }
    const experience = rng.weighted([
      [0, 10],
      [rng.int(1, 5), 35],
      [rng.int(6, 15), 40],
      [rng.int(16, 30), 15],
    ] as const);
    plans.push({
      id,
      userId,
      city,
      base,
      radiusKm,
      category,
      categoryId: categoryIds.get(category.slug)!,
      subs,
      quality: isDemo ? 4.7 : Math.max(3.2, Math.min(4.95, 4.3 + rng.gauss() * 0.35)),
      responseMeanSec: isDemo ? 420 : rng.int(2, 45) * 60,
      bookings: isDemo ? 38 : experience,
      approvedAt,
      aadhaarVerified,
      backgroundVerified,
      isDemo,
    });
  };

  addProvider({
    phone: DEMO_PHONES.provider,
    city: lucknow,
    locality: gomtiNagar,
    category: catalog.find((c) => c.slug === 'plumbing')!,
    person: { first: 'Rajesh', last: 'Sharma', name: 'Rajesh Sharma', female: false },
    business: 'Sharma Plumbing Works',
    isDemo: true,
  });
  let phoneSeq = 0;
  for (const city of cities) {
    const count = Math.round((providerTotal * city.weight) / weightSum);
    for (let j = 0; j < count; j++) {
      // Every category is present at least twice in every city; the rest follow demand.
      const category = j < catalog.length * 2 ? catalog[j % catalog.length]! : rng.weighted(categoryWeights);
      const person = personFor(
        rng,
        city.name,
        category.slug === 'beauty-at-home' ? 0.9 : category.slug === 'tutoring' ? 0.5 : 0.08,
      );
      addProvider({
        phone: `+9198${String(10_000_000 + phoneSeq++).padStart(8, '0')}`,
        city,
        locality: rng.pick(city.localities),
        category,
        person,
      });
    }
  }

  // Bookings, payments, reviews
  const bookingNumbers = new Set<string>();
  const READABLE = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const bookingNumber = () => {
    for (;;) {
      let code = 'LP';
      for (let i = 0; i < 8; i++) code += READABLE[rng.int(0, READABLE.length - 1)];
      if (!bookingNumbers.has(code)) {
        bookingNumbers.add(code);
        return code;
      }
    }
  };
  const startCode = () => String(rng.int(0, 9999)).padStart(4, '0');
  const uniqueRef = (prefix: string) => `${prefix}${rng.uuid().replace(/-/g, '').slice(0, 14)}`;

  for (const plan of plans) {
    const profile = data.providerProfiles.find((p) => p.id === plan.id)!;
    const pool = customersByCity.get(plan.city.name) ?? [];
    const firstDay = Math.ceil((plan.approvedAt.getTime() - todayUtc) / DAY) + 1;
    const span = -1 - firstDay;
    const count = Math.min(plan.bookings, Math.max(0, span));
    const days = rng
      .sample(
        Array.from({ length: Math.max(0, span) }, (_, i) => firstDay + i),
        count,
      )
      .sort((a, b) => a - b);
    const stats = { total: 0, completed: 0, accepted: 0, providerCancels: 0, responses: [] as number[] };
    const published: { overallRating: number; createdAt: Date; dims: (number | null)[] }[] = [];
    days.forEach((dayOffset, k) => {
      const s = rng.pick(plan.subs);
      const customer =
        plan.isDemo && k >= days.length - 3
          ? demoCustomer
          : (() => {
              for (let t = 0; t < 6; t++) {
                const c = rng.pick(pool);
                if (distanceKm(c.address, plan.base) <= plan.radiusKm + 2) return c;
              }
              return rng.pick(pool);
            })();
      const dayStart = todayUtc + dayOffset * DAY;
      const hour = plan.category.slug === 'tutoring' ? rng.int(16, 19) : rng.int(9, 16);
      const start = istAt(dayStart, hour, rng.pick([0, 30]));
      const duration = s.sub.defaultDurationMin;
      const end = new Date(start.getTime() + duration * MINUTE);
      const createdAt = new Date(start.getTime() - rng.int(2, 72) * HOUR);
      const responseTimeSec = Math.max(30, Math.round(plan.responseMeanSec * (0.5 + rng.next())));
      const confirmedAt = new Date(createdAt.getTime() + responseTimeSec * 1000);
      const roll = plan.isDemo ? 1 : rng.next();
      const status = roll < 0.05 ? 'CUSTOMER_CANCEL' : roll < 0.08 ? 'PROVIDER_CANCEL' : 'COMPLETED';
      const bookingId = rng.uuid();
      const base: Row<typeof bookings> = {
        id: bookingId,
        bookingNumber: bookingNumber(),
        customerId: customer.id,
        providerId: plan.id,
        categoryId: plan.categoryId,
        subCategoryId: s.id,
        serviceType: s.sub.name.en,
        serviceLocation: customer.address,
        serviceLat: customer.address.lat,
        serviceLng: customer.address.lng,
        scheduledStart: start,
        scheduledEnd: end,
        slot: slotOf(start, end, 30),
        travelBufferMin: 30,
        quotedPrice: s.price,
        startCode: startCode(),
        responseTimeSec,
        createdAt,
        respondedAt: confirmedAt,
        confirmedAt,
      };
      stats.total++;
      stats.accepted++;
      stats.responses.push(responseTimeSec);
      if (status !== 'COMPLETED') {
        const cancelledAt = new Date(Math.min(start.getTime() - HOUR, confirmedAt.getTime() + rng.int(1, 12) * HOUR));
        const byProvider = status === 'PROVIDER_CANCEL';
        if (byProvider) stats.providerCancels++;
        data.bookings.push({
          ...base,
          status: 'CANCELLED',
          cancelledBy: byProvider ? 'PROVIDER' : 'CUSTOMER',
          cancellationReason: byProvider
            ? 'Emergency at another site'
            : rng.pick(['Plans changed', 'Fixed it myself', 'Booked by mistake']),
          cancelledAt,
          updatedAt: cancelledAt,
        });
        return;
      }
      const startedAt = new Date(start.getTime() + rng.int(0, 10) * MINUTE);
      const completedAt = new Date(startedAt.getTime() + Math.round(duration * (0.8 + rng.next() * 0.5)) * MINUTE);
      const customerConfirmedAt = new Date(completedAt.getTime() + rng.int(5, 60) * MINUTE);
      const finalPrice = rng.chance(0.2) ? Math.round((s.price * (1.1 + rng.next() * 0.3)) / 1000) * 1000 : s.price;
      data.bookings.push({
        ...base,
        status: 'COMPLETED',
        finalPrice,
        onTheWayAt: new Date(start.getTime() - rng.int(15, 40) * MINUTE),
        startedAt,
        completedAt,
        customerConfirmedAt,
        updatedAt: customerConfirmedAt,
      });
      stats.completed++;

      const method = rng.weighted([
        ['CASH', 35],
        ['UPI', 35],
        ['ONLINE', 30],
      ] as const);
      const paymentId = rng.uuid();
      if (method === 'ONLINE') {
        const paidAt = new Date(confirmedAt.getTime() + rng.int(1, 30) * MINUTE);
        const platformFee = percentOf(finalPrice, plan.category.platformFeeBps);
        const gstOnFee = percentOf(platformFee, GST_RATE_BPS);
        const providerEarnings = finalPrice - platformFee - gstOnFee;
        data.payments.push({
          id: paymentId,
          bookingId,
          amount: finalPrice,
          method,
          status: 'COMPLETED',
          transactionId: uniqueRef('pay_'),
          gatewayOrderId: uniqueRef('order_'),
          gatewayResponse: { gateway: 'sandbox', seeded: true },
          platformFee,
          providerEarnings,
          paidAt,
          releasedAt: customerConfirmedAt,
          createdAt: paidAt,
          updatedAt: customerConfirmedAt,
        });
        data.onlinePayments.push({
          paymentId,
          bookingId,
          providerId: plan.id,
          amount: finalPrice,
          platformFee,
          gstOnFee,
          providerEarnings,
          paidAt,
          releasedAt: customerConfirmedAt,
        });
      } else {
        const markedAt = new Date(completedAt.getTime() + rng.int(1, 10) * MINUTE);
        data.payments.push({
          id: paymentId,
          bookingId,
          amount: finalPrice,
          method,
          status: 'COMPLETED',
          transactionId: method === 'UPI' ? String(rng.int(100_000, 999_999)) + String(rng.int(100_000, 999_999)) : null,
          platformFee: 0,
          providerEarnings: finalPrice,
          customerMarkedPaidAt: markedAt,
          providerConfirmedAt: customerConfirmedAt,
          paidAt: customerConfirmedAt,
          createdAt: markedAt,
          updatedAt: customerConfirmedAt,
        });
      }

      if (rng.chance(plan.isDemo ? 0.9 : 0.78)) {
        const overall = clampStars(plan.quality + rng.gauss() * 0.6);
        const dim = () => (rng.chance(0.7) ? clampStars(overall + rng.gauss() * 0.5) : null);
        const dims = [dim(), dim(), dim(), dim()];
        const createdAtReview = new Date(Math.min(now.getTime() - HOUR, customerConfirmedAt.getTime() + rng.int(1, 48) * HOUR));
        const responded = rng.chance(0.25);
        data.reviews.push({
          id: rng.uuid(),
          bookingId,
          customerId: customer.id,
          providerId: plan.id,
          overallRating: overall,
          qualityRating: dims[0],
          punctualityRating: dims[1],
          professionalismRating: dims[2],
          valueRating: dims[3],
          comment: reviewComment(rng, overall),
          providerResponse: responded ? providerResponse(rng) : null,
          respondedAt: responded ? new Date(createdAtReview.getTime() + rng.int(1, 24) * HOUR) : null,
          helpfulCount: rng.int(0, 6),
          createdAt: createdAtReview,
          updatedAt: createdAtReview,
        });
        published.push({ overallRating: overall, createdAt: createdAtReview, dims });
      }
    });

    // Upcoming confirmed jobs for the demo provider (one with the demo customer), so dashboards are not empty.
    if (plan.isDemo) {
      const upcoming: [Customer, number, number][] = [
        [demoCustomer, 1, 11],
        [rng.pick(pool), 2, 15],
      ];
      for (const [customer, dayOffset, hour] of upcoming) {
        const s = plan.subs[0]!;
        const start = istAt(todayUtc + dayOffset * DAY, hour, 0);
        const end = new Date(start.getTime() + s.sub.defaultDurationMin * MINUTE);
        const createdAt = new Date(Math.min(now.getTime(), start.getTime()) - 2 * HOUR);
        data.bookings.push({
          id: rng.uuid(),
          bookingNumber: bookingNumber(),
          customerId: customer.id,
          providerId: plan.id,
          categoryId: plan.categoryId,
          subCategoryId: s.id,
          serviceType: s.sub.name.en,
          serviceLocation: customer.address,
          serviceLat: customer.address.lat,
          serviceLng: customer.address.lng,
          scheduledStart: start,
          scheduledEnd: end,
          slot: slotOf(start, end, 30),
          travelBufferMin: 30,
          status: 'CONFIRMED',
          quotedPrice: s.price,
          startCode: startCode(),
          responseTimeSec: 300,
          specialInstructions:
            customer === demoCustomer ? 'Kitchen tap is dripping continuously. Please bring a spare cartridge.' : null,
          createdAt,
          respondedAt: new Date(createdAt.getTime() + 300_000),
          confirmedAt: new Date(createdAt.getTime() + 300_000),
        });
        stats.total++;
        stats.accepted++;
        stats.responses.push(300);
      }
    }

    // Aggregates consistent with the rows above.
    const avg = (xs: number[]) => (xs.length ? round2(xs.reduce((a, b) => a + b, 0) / xs.length) : 0);
    const dimAvg = (i: number) => {
      const xs = published.map((r) => r.dims[i]).filter((x): x is number => x !== null);
      return xs.length ? avg(xs) : undefined;
    };
    const responseTime = stats.responses.length
      ? Math.round(stats.responses.reduce((a, b) => a + b, 0) / stats.responses.length)
      : null;
    profile.totalJobs = stats.total;
    profile.completedJobs = stats.completed;
    profile.acceptedJobs = stats.accepted;
    profile.providerCancellations = stats.providerCancels;
    profile.ratingCount = published.length;
    profile.averageRating = avg(published.map((r) => r.overallRating));
    profile.dimensionAverages = Object.fromEntries(
      (['quality', 'punctuality', 'professionalism', 'value'] as const)
        .map((k, i) => [k, dimAvg(i)] as const)
        .filter(([, v]) => v !== undefined),
    );
    profile.responseTime = responseTime;
    profile.reputationScore = computeReputation({
      now,
      reviews: published,
      completedJobs: stats.completed,
      avgResponseMinutes: responseTime === null ? null : responseTime / 60,
      aadhaarVerified: plan.aadhaarVerified,
      backgroundVerified: plan.backgroundVerified,
      acceptedBookings: stats.accepted,
      providerCancellations: stats.providerCancels,
    }).score;
  }
  return data;
}
