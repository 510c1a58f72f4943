import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Container } from '../../src/container';
import type { Executor } from '../../src/db/client';
import { sessions } from '../../src/modules/auth/auth.tables';
import { sha256 } from '../../src/modules/auth/tokens';
import { categories, subCategories } from '../../src/modules/catalog/catalog.tables';
import { type PriceItem, providerProfiles, type WorkingHours } from '../../src/modules/providers/providers.tables';
import { customerProfiles, users } from '../../src/modules/users/users.tables';

let seq = 0;
/** A unique valid Indian mobile number per call (per process). */
export function uniquePhone(): string {
  seq++;
  const n = (process.pid % 1000) * 100_000 + (seq % 100_000);
  return `+917${String(n).padStart(9, '0')}`;
}

export type Role = 'CUSTOMER' | 'PROVIDER' | 'ADMIN';

export interface TestUser {
  id: string;
  phone: string;
  role: Role;
  customerId: string | null;
  providerId: string | null;
  token: string;
  sessionId: string;
  headers: { authorization: string };
}

/** Inserts a user (with its profile) and a session, and signs an access token for it. */
export async function createUser(
  c: Container,
  opts: {
    role?: Role;
    name?: string;
    language?: 'en' | 'hi';
    secondFactor?: boolean;
    status?: 'ACTIVE' | 'SUSPENDED' | 'BANNED';
  } = {},
): Promise<TestUser> {
  const role = opts.role ?? 'CUSTOMER';
  const phone = uniquePhone();
  const [user] = await c.db
    .insert(users)
    .values({
      role,
      phone,
      name: opts.name ?? `Test ${role.toLowerCase()} ${seq}`,
      preferredLanguage: opts.language ?? 'en',
      status: opts.status ?? 'ACTIVE',
    })
    .returning();
  let customerId: string | null = null;
  let providerId: string | null = null;
  if (role === 'CUSTOMER') {
    const [p] = await c.db.insert(customerProfiles).values({ userId: user!.id }).returning();
    customerId = p!.id;
  }
  if (role === 'PROVIDER') {
    const [p] = await c.db.insert(providerProfiles).values({ userId: user!.id }).returning();
    providerId = p!.id;
  }
  const secondFactor = opts.secondFactor ?? role === 'ADMIN';
  const [session] = await c.db
    .insert(sessions)
    .values({
      userId: user!.id,
      familyId: randomUUID(),
      refreshTokenHash: sha256(randomUUID()),
      expiresAt: new Date(Date.now() + 86_400_000),
      secondFactorAt: secondFactor ? new Date() : null,
    })
    .returning();
  const token = await c.tokenSigner.sign({ sub: user!.id, sid: session!.id, role, tv: user!.tokenVersion });
  return {
    id: user!.id,
    phone,
    role,
    customerId,
    providerId,
    token,
    sessionId: session!.id,
    headers: { authorization: `Bearer ${token}` },
  };
}

export async function createCategory(db: Executor, opts: { slug?: string; platformFeeBps?: number } = {}) {
  const slug = opts.slug ?? `cat-${randomUUID().slice(0, 8)}`;
  const [category] = await db
    .insert(categories)
    .values({
      slug,
      name: `Category ${slug}`,
      nameTranslations: { en: `Category ${slug}`, hi: `श्रेणी ${slug}` },
      icon: 'wrench',
      platformFeeBps: opts.platformFeeBps ?? 1000,
    })
    .returning();
  const subs = await db
    .insert(subCategories)
    .values([
      {
        categoryId: category!.id,
        slug: `${slug}-repair`,
        name: 'Repair',
        nameTranslations: { en: 'Repair', hi: 'मरम्मत' },
        defaultDurationMin: 60,
      },
      {
        categoryId: category!.id,
        slug: `${slug}-install`,
        name: 'Installation',
        nameTranslations: { en: 'Installation', hi: 'इंस्टॉलेशन' },
        defaultDurationMin: 120,
      },
    ])
    .returning();
  return { category: category!, subCategories: subs };
}

/** Mon–Sat 09:00–19:00 IST with a 13:00–14:00 lunch break; Sunday off. */
export const standardHours: WorkingHours = Object.fromEntries(
  ['0', '1', '2', '3', '4', '5', '6'].map((d) => [
    d,
    d === '0' ? [] : [{ start: '09:00', end: '19:00', breaks: [{ start: '13:00', end: '14:00' }] }],
  ]),
) as WorkingHours;

/** An APPROVED, active provider with a category, prices, hours and a location (default: Hazratganj, Lucknow). */
export async function createApprovedProvider(
  c: Container,
  opts: {
    lat?: number;
    lng?: number;
    radiusKm?: number;
    category?: Awaited<ReturnType<typeof createCategory>>;
    pricing?: PriceItem[];
    aadhaarVerified?: boolean;
    backgroundVerified?: boolean;
    businessName?: string;
    language?: 'en' | 'hi';
  } = {},
) {
  const user = await createUser(c, { role: 'PROVIDER', language: opts.language });
  const category = opts.category ?? (await createCategory(c.db));
  const pricing: PriceItem[] =
    opts.pricing ??
    category.subCategories.map((s, i) => ({
      subCategoryId: s.id,
      kind: 'FIXED' as const,
      amountPaise: 49_900 + i * 10_000,
      durationMin: s.defaultDurationMin,
    }));
  const radiusKm = opts.radiusKm ?? 10;
  await c.db
    .update(providerProfiles)
    .set({
      status: 'APPROVED',
      businessName: opts.businessName ?? `Provider ${user.phone.slice(-4)}`,
      description: 'Reliable, on-time service',
      categoryId: category.category.id,
      subCategoryIds: category.subCategories.map((s) => s.id),
      baseLat: opts.lat ?? 26.8506,
      baseLng: opts.lng ?? 80.9466,
      serviceRadiusKm: radiusKm,
      serviceAreas: { radiusKm, localities: [], pincodes: [] },
      pricing,
      workingHours: standardHours,
      aadhaarVerified: opts.aadhaarVerified ?? false,
      aadhaarMasked: opts.aadhaarVerified ? 'XXXX-XXXX-1234' : null,
      backgroundVerified: opts.backgroundVerified ?? false,
      upiId: 'provider@upi',
      approvedAt: new Date(),
    })
    .where(eq(providerProfiles.id, user.providerId!));
  return { user, providerId: user.providerId!, category };
}
