import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import type { Container } from '../../src/container';
import { verhoeffCheckDigit } from '../../src/integrations/kyc/verhoeff';
import { devOutbox } from '../../src/modules/notifications/notifications.tables';
import type { ProviderStatus } from '../../src/modules/providers/provider-status';
import { documents, providerProfiles } from '../../src/modules/providers/providers.tables';
import { createApprovedProvider, type createCategory, standardHours, type TestUser } from './index';

/** A Verhoeff-valid Aadhaar number (never a real one: sandbox numbers start with 9999). */
export function testAadhaar(seed = Math.floor(Math.random() * 1e7)): string {
  const body = `9999${String(seed).padStart(7, '0')}`;
  return body + verhoeffCheckDigit(body);
}

/** A JPEG photo, optionally with EXIF GPS and camera tags. */
export async function jpegWithGps(width = 800, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'Spy 3000', ImageDescription: 'home of the provider' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '26/1 51/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '80/1 56/1 0/1' },
    })
    .toBuffer();
}

export async function pngImage(width = 300, height = 300, alpha = false): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: alpha ? 4 : 3, background: { r: 10, g: 120, b: 200, alpha: alpha ? 0.5 : 1 } },
  })
    .png()
    .toBuffer();
}

/** A multipart/form-data body with one file part (and optional fields before it). */
export function multipartBody(
  file: Buffer,
  opts: { filename?: string; contentType?: string; fields?: Record<string, string> } = {},
) {
  const boundary = `----lp${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(opts.fields ?? {})) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${opts.filename ?? 'photo.jpg'}"\r\nContent-Type: ${opts.contentType ?? 'image/jpeg'}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(
  app: FastifyInstance,
  headers: Record<string, string>,
  kind: string,
  file: Buffer,
  opts: { filename?: string; contentType?: string } = {},
) {
  const body = multipartBody(file, { ...opts, fields: { kind } });
  return app.inject({
    method: 'POST',
    url: '/api/providers/me/documents',
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
}

/** A complete profile body for PUT /api/providers/me. */
export function completeProfileBody(category: Awaited<ReturnType<typeof createCategory>>) {
  return {
    name: 'Ramesh Kumar',
    businessName: 'Ramesh Plumbing Works',
    description: 'Leak fixing, fittings and drain cleaning in Lucknow',
    categoryId: category.category.id,
    subCategoryIds: category.subCategories.map((s) => s.id),
    baseLocation: { lat: 26.8506, lng: 80.9466 },
    serviceAreas: { radiusKm: 8, localities: ['Hazratganj', 'Gomti Nagar'], pincodes: ['226001'] },
    pricing: category.subCategories.map((s, i) => ({
      subCategoryId: s.id,
      kind: i === 0 ? ('FIXED' as const) : ('INSPECTION' as const),
      amountPaise: 39_900 + i * 10_000,
      durationMin: 60,
    })),
    workingHours: standardHours,
    languages: ['hi', 'en'],
  };
}

/** The newest dev-outbox message to a phone. */
export async function lastSmsTo(c: Container, phone: string): Promise<string> {
  const [row] = await c.db.select().from(devOutbox).where(eq(devOutbox.to, phone)).orderBy(desc(devOutbox.createdAt)).limit(1);
  if (!row) throw new Error(`no SMS to ${phone}`);
  return row.body;
}

export const otpIn = (body: string) => /\b(\d{6})\b/.exec(body)?.[1] ?? '';

/** A provider with a complete profile (photo included), put in `status`. */
export async function providerInStatus(c: Container, status: ProviderStatus, owner?: TestUser) {
  const made = owner ? { user: owner, providerId: owner.providerId! } : await createApprovedProvider(c);
  if (owner) {
    const other = await createApprovedProvider(c);
    const [src] = await c.db.select().from(providerProfiles).where(eq(providerProfiles.id, other.providerId));
    // working_days is generated from working_hours: the database sets it.
    const { id: _id, userId: _u, createdAt: _c, updatedAt: _up, workingDays: _w, ...fields } = src!;
    await c.db.update(providerProfiles).set(fields).where(eq(providerProfiles.id, owner.providerId!));
  }
  await c.db.insert(documents).values({
    ownerUserId: made.user.id,
    providerId: made.providerId,
    kind: 'PROFILE_PHOTO',
    storageKey: `documents/${randomUUID()}.jpg`,
    mimeType: 'image/jpeg',
    sizeBytes: 1,
  });
  await c.db
    .update(providerProfiles)
    .set({ status, submittedAt: status === 'DRAFT' ? null : new Date(), statusReason: null })
    .where(eq(providerProfiles.id, made.providerId));
  return made;
}

/**
 * Env for onboarding test apps. With REDIS_URL the coarse per-IP limit (every inject comes from
 * 127.0.0.1) is shared by every test process using that Redis; these tests are not about it.
 */
export const testEnv = (overrides: Record<string, string> = {}) => ({ RATE_LIMIT_PER_MINUTE: '1000000', ...overrides });
