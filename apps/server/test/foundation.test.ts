import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
      for (const h of ['strict-transport-security', 'x-frame-options', 'referrer-policy', 'cross-origin-opener-policy']) {
        expect(allowed.headers[h]).toBeDefined();
      }
    } finally {
      await cors.close();
    }
  });

  it('publishes an OpenAPI document', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.json().paths['/api/health']).toBeDefined();
  });
});
