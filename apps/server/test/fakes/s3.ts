import { createHash, createHmac } from 'node:crypto';
import { startFakeServer } from './http';

/**
 * A fake S3 endpoint (path-style) that verifies AWS SigV4 on every request, written independently of
 * the adapter's signer: it rebuilds the canonical request from what arrived on the wire.
 */
export async function startFakeS3(opts: { accessKeyId: string; secretAccessKey: string; region: string; bucket: string }) {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const rejected: string[] = [];
  const h = (k: Buffer | string, d: string) => createHmac('sha256', k).update(d).digest();
  const fake = await startFakeServer((req, body, res) => {
    const auth = String(req.headers.authorization ?? '');
    const m =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
        auth,
      );
    const deny = (why: string) => {
      rejected.push(why);
      res.statusCode = 403;
      res.setHeader('content-type', 'application/xml');
      res.end(`<Error><Code>SignatureDoesNotMatch</Code><Message>${why}</Message></Error>`);
    };
    if (!m) return deny('missing or malformed Authorization');
    const [, akid, day, region, signedHeaders, signature] = m as unknown as string[];
    if (akid !== opts.accessKeyId) return deny('unknown access key');
    if (region !== opts.region) return deny('wrong region');
    const payloadHash = String(req.headers['x-amz-content-sha256']);
    if (createHash('sha256').update(body).digest('hex') !== payloadHash) return deny('payload hash mismatch');
    const amzDate = String(req.headers['x-amz-date']);
    if (!amzDate.startsWith(day!)) return deny('date mismatch');
    const [rawPath, rawQuery = ''] = String(req.url).split('?');
    const canonicalHeaders = signedHeaders!
      .split(';')
      .map((n) => `${n}:${String(req.headers[n] ?? '').trim()}\n`)
      .join('');
    const canonical = [req.method, rawPath, rawQuery, canonicalHeaders, signedHeaders, payloadHash].join('\n');
    const scope = `${day}/${region}/s3/aws4_request`;
    const sts = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${createHash('sha256').update(canonical).digest('hex')}`;
    const key = h(h(h(h(`AWS4${opts.secretAccessKey}`, day!), region!), 's3'), 'aws4_request');
    if (createHmac('sha256', key).update(sts).digest('hex') !== signature) return deny('signature mismatch');
    if (!signedHeaders!.split(';').includes('host')) return deny('host not signed');

    const prefix = `/${opts.bucket}/`;
    if (!rawPath!.startsWith(prefix)) {
      res.statusCode = 404;
      return res.end('<Error><Code>NoSuchBucket</Code></Error>');
    }
    const objectKey = decodeURIComponent(rawPath!.slice(prefix.length));
    if (req.method === 'PUT') {
      objects.set(objectKey, { body, contentType: String(req.headers['content-type'] ?? 'application/octet-stream') });
      res.statusCode = 200;
      return res.end();
    }
    if (req.method === 'GET') {
      const o = objects.get(objectKey);
      if (!o) {
        res.statusCode = 404;
        return res.end('<Error><Code>NoSuchKey</Code></Error>');
      }
      res.setHeader('content-type', o.contentType);
      return res.end(o.body);
    }
    if (req.method === 'DELETE') {
      objects.delete(objectKey);
      res.statusCode = 204;
      return res.end();
    }
    res.statusCode = 405;
    res.end();
  });
  return { ...fake, objects, rejected };
}
