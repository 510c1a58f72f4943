import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeS3 } from '../../../test/fakes/s3';
import { createLocalStorage } from './local';
import { createS3Storage } from './s3';
import { signRequest } from './sigv4';

describe('SigV4', () => {
  it('matches the AWS documented example (GET Object with Range)', () => {
    const headers = signRequest(
      { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1' },
      {
        method: 'GET',
        url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
        headers: { range: 'bytes=0-9' },
        payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        date: new Date('2013-05-24T00:00:00Z'),
      },
    );
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });
});

describe('S3 adapter against a signature-checking fake', () => {
  const creds = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret-test-key', region: 'ap-south-1', bucket: 'localpro' };
  let fake: Awaited<ReturnType<typeof startFakeS3>>;
  beforeAll(async () => {
    fake = await startFakeS3(creds);
  });
  afterAll(async () => {
    await fake.close();
  });

  it('puts, gets and deletes an object', async () => {
    const s3 = createS3Storage({ ...creds, endpoint: fake.url });
    const body = Buffer.from('hello jpeg bytes');
    await s3.put('documents/abc.jpg', body, 'image/jpeg');
    expect(fake.objects.get('documents/abc.jpg')?.contentType).toBe('image/jpeg');
    expect((await s3.get('documents/abc.jpg'))?.toString()).toBe('hello jpeg bytes');
    await s3.delete('documents/abc.jpg');
    expect(await s3.get('documents/abc.jpg')).toBeNull();
    expect(fake.rejected).toEqual([]);
  });

  it('a wrong secret is refused by the store', async () => {
    const s3 = createS3Storage({ ...creds, secretAccessKey: 'wrong', endpoint: fake.url });
    await expect(s3.put('documents/x.jpg', Buffer.from('x'), 'image/jpeg')).rejects.toThrow(/403/);
    expect(fake.rejected).toContain('signature mismatch');
  });

  it('refuses keys that are not server-made', async () => {
    const s3 = createS3Storage({ ...creds, endpoint: fake.url });
    await expect(s3.put('../other-bucket/x.jpg', Buffer.from('x'), 'image/jpeg')).rejects.toThrow(/Invalid storage key/);
  });
});

describe('local disk storage', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lp-storage-'));
  const store = createLocalStorage(dir);

  it('round-trips under DATA_DIR/uploads', async () => {
    await store.put('documents/a1.webp', Buffer.from('webp'), 'image/webp');
    expect((await store.get('documents/a1.webp'))?.toString()).toBe('webp');
    expect(readdirSync(path.join(dir, 'uploads', 'documents'))).toEqual(['a1.webp']);
    await store.delete('documents/a1.webp');
    expect(await store.get('documents/a1.webp')).toBeNull();
  });

  it('path tricks never escape the upload root', async () => {
    for (const key of [
      '../etc/passwd',
      'documents/../../x.jpg',
      '/etc/passwd',
      'documents\\..\\x',
      'a/./b.jpg',
      'A.JPG',
      '%2e%2e/x',
      'a//b',
    ]) {
      await expect(store.put(key, Buffer.from('x'), 'image/jpeg')).rejects.toThrow(/Invalid storage key/);
      await expect(store.get(key)).rejects.toThrow(/Invalid storage key/);
    }
  });
});
