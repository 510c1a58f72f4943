import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, providerProfiles } from '../src/modules/providers/providers.tables';
import { createTestApp, type TestApp } from './app';
import { createUser, type TestUser } from './factories';
import { jpegWithGps, pngImage, testEnv, upload } from './factories/onboarding';

let t: TestApp;
let owner: TestUser;
const dataDir = mkdtempSync(path.join(tmpdir(), 'lp-uploads-'));
beforeAll(async () => {
  t = await createTestApp(testEnv({ DATA_DIR: dataDir, UPLOAD_LIMIT_BYTES: '400000', UPLOAD_MAX_INPUT_PIXELS: '4000000' }));
  owner = await createUser(t.c, { role: 'PROVIDER' });
});
afterAll(async () => {
  await t?.close();
});

/** A PNG whose header declares `w`×`h` pixels (valid CRCs) with a tiny body: a decompression bomb's calling card. */
function pngDeclaring(w: number, h: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const pdf = (body: string) => Buffer.from(`%PDF-1.4\n${body}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');

describe('upload attack corpus', () => {
  it('strips EXIF and GPS, re-encodes, and names the file itself', async () => {
    const original = await jpegWithGps(2800, 1400);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const res = await upload(t.app, owner.headers, 'PORTFOLIO', original, { filename: '../../../etc/cron.d/evil.jpg' });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({ kind: 'PORTFOLIO', mimeType: 'image/jpeg', width: 2048, height: 1024 });
    const file = await t.app.inject({ url: doc.url, headers: owner.headers });
    expect(file.statusCode).toBe(200);
    const meta = await sharp(file.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.width).toBe(2048);
    expect(file.rawPayload.includes(Buffer.from('Spy 3000'))).toBe(false);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(`inline; filename="${doc.id}.jpg"`);
    expect(file.headers['content-security-policy']).toContain('sandbox');
    // Path tricks in the name went nowhere: the key is ours and the file sits under DATA_DIR/uploads.
    const [row] = await t.c.db.select().from(documents).where(eq(documents.id, doc.id));
    expect(row!.storageKey).toBe(`documents/${doc.id}.jpg`);
    expect(readdirSync(path.join(dataDir, 'uploads', 'documents'))).toContain(`${doc.id}.jpg`);
    expect(existsSync(path.join(dataDir, 'etc'))).toBe(false);
  });

  it('a JPEG+HTML polyglot is re-encoded: the HTML does not survive', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer();
    const polyglot = Buffer.concat([jpeg, Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>')]);
    const res = await upload(t.app, owner.headers, 'PORTFOLIO', polyglot, { filename: 'x.html', contentType: 'text/html' });
    expect(res.statusCode, res.body).toBe(201);
    const file = await t.app.inject({ url: res.json().url, headers: owner.headers });
    expect(file.rawPayload.includes(Buffer.from('<script'))).toBe(false);
    expect(file.headers['content-type']).toBe('image/jpeg');
  });

  it('PNG with transparency becomes WebP; opaque PNG becomes JPEG', async () => {
    const a = await upload(t.app, owner.headers, 'PORTFOLIO', await pngImage(200, 100, true), { contentType: 'image/png' });
    expect(a.json()).toMatchObject({ mimeType: 'image/webp', width: 200, height: 100 });
    const b = await upload(t.app, owner.headers, 'PORTFOLIO', await pngImage(200, 100, false), { contentType: 'image/png' });
    expect(b.json()).toMatchObject({ mimeType: 'image/jpeg' });
  });

  const refused: [string, Buffer, string, number, string][] = [
    [
      'SVG with a script',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'PROFILE_PHOTO',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'HTML renamed .jpg',
      Buffer.from('<!doctype html><html><script>alert(1)</script></html>'),
      'PORTFOLIO',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'PORTFOLIO', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['PNG declaring 100000×100000 pixels', pngDeclaring(100_000, 100_000), 'PORTFOLIO', 422, 'IMAGE_REJECTED'],
    ['truncated JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), 'PORTFOLIO', 422, 'IMAGE_REJECTED'],
    ['a PDF as a profile photo', pdf('1 0 obj << /Type /Catalog >> endobj'), 'PROFILE_PHOTO', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [
      'PDF with /JavaScript',
      pdf('1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj'),
      'CERTIFICATE',
      422,
      'PDF_REJECTED',
    ],
    [
      'PDF with a hex-escaped /J#61vaScript',
      pdf('1 0 obj << /OpenAction << /S /J#61vaScript >> >> endobj'),
      'CERTIFICATE',
      422,
      'PDF_REJECTED',
    ],
    [
      'PDF with /Launch',
      pdf('1 0 obj << /OpenAction << /S /Launch /F (cmd.exe) >> >> endobj'),
      'CERTIFICATE',
      422,
      'PDF_REJECTED',
    ],
    [
      'PDF hiding /JavaScript in a compressed object stream',
      Buffer.concat([
        Buffer.from('%PDF-1.5\n1 0 obj << /Type /ObjStm /Filter /FlateDecode >>\nstream\n', 'latin1'),
        deflateSync(Buffer.from('<< /S /JavaScript /JS (app.alert(1)) >>')),
        Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1'),
      ]),
      'CERTIFICATE',
      422,
      'PDF_REJECTED',
    ],
    ['truncated PDF (no %%EOF)', Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n'), 'CERTIFICATE', 422, 'PDF_REJECTED'],
  ];
  for (const [name, bytes, kind, status, code] of refused) {
    it(`refuses ${name}`, async () => {
      const res = await upload(t.app, owner.headers, kind, bytes, { filename: 'photo.jpg', contentType: 'image/jpeg' });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
    });
  }

  it('refuses a real decompression bomb (more pixels than allowed, tiny file)', async () => {
    const bomb = await sharp({ create: { width: 2500, height: 2000, channels: 3, background: '#000' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(100_000);
    const res = await upload(t.app, owner.headers, 'PORTFOLIO', bomb, { contentType: 'image/png' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMAGE_REJECTED');
  });

  it('refuses files over the size limit with 413', async () => {
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(500_000, 7)]);
    const res = await upload(t.app, owner.headers, 'PORTFOLIO', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('accepts a clean PDF certificate, served as an attachment', async () => {
    const res = await upload(t.app, owner.headers, 'CERTIFICATE', pdf('1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj'), {
      contentType: 'application/pdf',
    });
    expect(res.statusCode, res.body).toBe(201);
    const file = await t.app.inject({ url: res.json().url, headers: owner.headers });
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="[0-9a-f-]{36}\.pdf"$/);
  });

  it('needs a kind, a file and multipart', async () => {
    const noKind = await upload(t.app, owner.headers, 'PASSPORT', await jpegWithGps(50, 50));
    expect(noKind.statusCode).toBe(400);
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/providers/me/documents',
      headers: owner.headers,
      payload: { a: 1 },
    });
    expect(json.statusCode).toBe(415);
  });
});

describe('who may see and delete documents', () => {
  it('owner and admins always; the public only photos of live providers; never certificates', async () => {
    const p = await createUser(t.c, { role: 'PROVIDER' });
    const other = await createUser(t.c, { role: 'PROVIDER' });
    const customer = await createUser(t.c, { role: 'CUSTOMER' });
    const admin = await createUser(t.c, { role: 'ADMIN' });
    const adminNoTotp = await createUser(t.c, { role: 'ADMIN', secondFactor: false });
    const photo = (await upload(t.app, p.headers, 'PROFILE_PHOTO', await jpegWithGps(100, 100))).json();
    const cert = (
      await upload(t.app, p.headers, 'CERTIFICATE', pdf('1 0 obj << /Type /Catalog >> endobj'), {
        contentType: 'application/pdf',
      })
    ).json();
    const status = async (url: string, headers?: Record<string, string>) => (await t.app.inject({ url, headers })).statusCode;

    for (const d of [photo, cert]) {
      expect(await status(d.url, p.headers)).toBe(200);
      expect(await status(d.url, admin.headers)).toBe(200);
      expect(await status(d.url, adminNoTotp.headers)).toBe(404);
      expect(await status(d.url, other.headers)).toBe(404);
      expect(await status(d.url, customer.headers)).toBe(404);
      expect(await status(d.url)).toBe(404);
    }
    await t.c.db.update(providerProfiles).set({ status: 'APPROVED' }).where(eq(providerProfiles.id, p.providerId!));
    expect(await status(photo.url)).toBe(200);
    expect(await status(photo.url, customer.headers)).toBe(200);
    expect(await status(cert.url)).toBe(404);
    expect(await status(cert.url, customer.headers)).toBe(404);
    await t.c.db.update(providerProfiles).set({ status: 'SUSPENDED' }).where(eq(providerProfiles.id, p.providerId!));
    expect(await status(photo.url)).toBe(404);

    // Only the owner deletes; others get 404 (existence does not leak).
    expect((await t.app.inject({ method: 'DELETE', url: cert.url, headers: other.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: cert.url, headers: customer.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: cert.url })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'DELETE', url: cert.url, headers: p.headers })).statusCode).toBe(204);
    expect(await status(cert.url, p.headers)).toBe(404);
    expect(readdirSync(path.join(dataDir, 'uploads', 'documents'))).not.toContain(`${cert.id}.pdf`);
  });

  it('a new profile photo replaces the old one', async () => {
    const p = await createUser(t.c, { role: 'PROVIDER' });
    const first = (await upload(t.app, p.headers, 'PROFILE_PHOTO', await jpegWithGps(80, 80))).json();
    const second = (await upload(t.app, p.headers, 'PROFILE_PHOTO', await jpegWithGps(90, 90))).json();
    expect((await t.app.inject({ url: first.url, headers: p.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: second.url, headers: p.headers })).statusCode).toBe(200);
    const me = await t.app.inject({ url: '/api/providers/me', headers: p.headers });
    expect(me.json().documents.map((d: { id: string }) => d.id)).toEqual([second.id]);
  });

  it('customers cannot upload provider documents', async () => {
    const customer = await createUser(t.c, { role: 'CUSTOMER' });
    const res = await upload(t.app, customer.headers, 'PROFILE_PHOTO', await jpegWithGps(50, 50));
    expect(res.statusCode).toBe(403);
  });
});
