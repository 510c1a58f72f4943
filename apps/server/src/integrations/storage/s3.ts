import { assertSafeKey, type ObjectStorage } from './port';
import { type SigV4Credentials, sha256Hex, signRequest } from './sigv4';

export interface S3Options extends SigV4Credentials {
  /** e.g. https://s3.ap-south-1.amazonaws.com, or a MinIO/R2 endpoint. Path-style addressing. */
  endpoint: string;
  bucket: string;
  fetch?: typeof fetch;
  now?: () => Date;
}

/** S3-compatible storage over plain HTTPS with SigV4-signed PUT/GET/DELETE (no SDK). */
export function createS3Storage(opts: S3Options): ObjectStorage {
  const doFetch = opts.fetch ?? fetch;
  const now = opts.now ?? (() => new Date());
  const base = opts.endpoint.replace(/\/+$/, '');

  async function send(method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Buffer, contentType?: string) {
    assertSafeKey(key);
    const url = new URL(`${base}/${opts.bucket}/${key}`);
    const headers: Record<string, string> = {};
    if (contentType) headers['content-type'] = contentType;
    const signed = signRequest(opts, {
      method,
      url,
      headers,
      payloadHash: sha256Hex(body ?? Buffer.alloc(0)),
      date: now(),
    });
    return doFetch(url, { method, headers: signed, body: body ? new Uint8Array(body) : undefined });
  }

  const fail = async (what: string, res: Response) => {
    await res.body?.cancel();
    return new Error(`S3 ${what} failed with HTTP ${res.status}`);
  };

  return {
    driver: 's3',
    async put(key, body, contentType) {
      const res = await send('PUT', key, body, contentType);
      if (!res.ok) throw await fail('PUT', res);
      await res.body?.cancel();
    },
    async get(key) {
      const res = await send('GET', key);
      if (res.status === 404) {
        await res.body?.cancel();
        return null;
      }
      if (!res.ok) throw await fail('GET', res);
      return Buffer.from(await res.arrayBuffer());
    },
    async delete(key) {
      const res = await send('DELETE', key);
      if (!res.ok && res.status !== 404) throw await fail('DELETE', res);
      await res.body?.cancel();
    },
  };
}
