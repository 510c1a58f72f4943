import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSecurityHeaders } from '../src/http/security-headers';
import { createTestApp, type TestApp } from './app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('HTTP foundation', () => {
  it('answers liveness and readiness', async () => {
    expect((await t.app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
  });

  it('gives unknown routes the standard error shape', async () => {
    const res = await t.app.inject({ url: '/api/does-not-exist' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: expect.any(String) } });
  });

  it('refuses malformed JSON with 400 INVALID_JSON and no stack trace', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/health',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":',
    });
    expect([400, 404]).toContain(res.statusCode);
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses oversized bodies with 413', async () => {
    const big = JSON.stringify({ x: 'a'.repeat(t.c.config.BODY_LIMIT_BYTES + 10) });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/health',
      headers: { 'content-type': 'application/json' },
      payload: big,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('sets security headers and echoes a request id', async () => {
    const res = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': 'test-request-0001' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBe('test-request-0001');
  });

  it('sends the security headers and honours the CORS allowlist', async () => {
    const cors = await createTestApp({ CORS_ORIGINS: 'https://app.localpro.example' });
    try {
      const allowed = await cors.app.inject({ url: '/api/health', headers: { origin: 'https://app.localpro.example' } });
      expect(allowed.headers['access-control-allow-origin']).toBe('https://app.localpro.example');
      expect(allowed.headers['access-control-allow-credentials']).toBe('true');
      const other = await cors.app.inject({ url: '/api/health', headers: { origin: 'https://evil.example' } });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await cors.app.inject({
        method: 'OPTIONS',
        url: '/api/bookings',
        headers: { origin: 'https://app.localpro.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.statusCode).toBe(204);
      expect(allowed.headers['x-content-type-options']).toBe('nosniff');
      expect(allowed.headers['x-frame-options']).toBe('DENY');
      expect(allowed.headers['cross-origin-resource-policy']).toBe('same-site');
      // HSTS is forbidden on plain HTTP (RFC 6797 §7.2); document-only headers stay off JSON.
      expect(allowed.headers['strict-transport-security']).toBeUndefined();
      expect(allowed.headers['referrer-policy']).toBeUndefined();
    } finally {
      await cors.close();
    }
  });

  it('sends HSTS only over HTTPS (as the trusted proxy reports it), and document headers on the docs page', async () => {
    // Production trusts the proxy's X-Forwarded-Proto; the same hook on an app configured that way.
    const behindProxy = Fastify({ trustProxy: true });
    registerSecurityHeaders(behindProxy);
    behindProxy.get('/api/health', async () => ({ status: 'ok' }));
    const https = await behindProxy.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const http = await behindProxy.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'http' } });
    expect(http.headers['strict-transport-security']).toBeUndefined();
    await behindProxy.close();
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['referrer-policy']).toBe('no-referrer');
    expect(docs.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(docs.headers['x-frame-options']).toBe('DENY');
  });

  it('writes one access-log line per request, with id, path, status and time; none for health probes', async () => {
    const lines = async (fn: () => Promise<unknown>) => {
      const before = t.logs.length;
      await fn();
      return t.logs
        .slice(before)
        .flatMap((chunk) => chunk.split('\n').filter(Boolean))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    };
    const catalog = await lines(() =>
      t.app.inject({ url: '/api/categories?lang=hi', headers: { 'x-request-id': 'trace-abc-123' } }),
    );
    const done = catalog.filter((l) => l.msg === 'request completed');
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({
      reqId: 'trace-abc-123',
      req: { id: 'trace-abc-123', method: 'GET', url: '/api/categories?[redacted]' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
    expect(await lines(() => t.app.inject({ url: '/api/health' }))).toEqual([]);
    const missing = await lines(() => t.app.inject({ url: '/api/nowhere' }));
    expect(missing).toContainEqual(
      expect.objectContaining({ msg: 'request refused', errorCode: 'ROUTE_NOT_FOUND', status: 404 }),
    );
  });

  it('publishes an OpenAPI document', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.json().paths['/api/health']).toBeDefined();
  });
});
