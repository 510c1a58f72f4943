import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMsg91Fake } from './fakes/msg91-fake';
import { createMsg91Sms } from './msg91';

let fake: Awaited<ReturnType<typeof startMsg91Fake>>;
beforeAll(async () => {
  fake = await startMsg91Fake({ authKey: 'test-auth-key', knownTemplates: ['tpl-otp'] });
});
afterAll(async () => {
  await fake.close();
});

describe('MSG91 SMS adapter', () => {
  it('sends through the flow API with the authkey header and returns the request id', async () => {
    const sms = createMsg91Sms({ authKey: 'test-auth-key', templateId: 'tpl-otp', baseUrl: fake.baseUrl });
    const r = await sms.send({ to: '+919876543210', body: '123456 is your code', vars: { otp: '123456' } });
    expect(r.providerMessageId).toMatch(/^[0-9a-f]{24}$/);
    const req = fake.requests.at(-1)!;
    expect(req.url).toBe('/api/v5/flow');
    expect(req.headers.authkey).toBe('test-auth-key');
    expect(JSON.parse(req.body)).toEqual({
      template_id: 'tpl-otp',
      short_url: '0',
      recipients: [{ mobiles: '919876543210', body: '123456 is your code', otp: '123456' }],
    });
  });

  it('reports a wrong auth key as VENDOR_UNAVAILABLE with the vendor reason', async () => {
    const sms = createMsg91Sms({ authKey: 'wrong', templateId: 'tpl-otp', baseUrl: fake.baseUrl });
    await expect(sms.send({ to: '+919876543210', body: 'x' })).rejects.toMatchObject({
      code: 'VENDOR_UNAVAILABLE',
      status: 502,
      details: { vendor: 'msg91', status: 401, reason: 'Authentication failure' },
    });
  });

  it('treats a 200 with type "error" as a failure', async () => {
    const sms = createMsg91Sms({ authKey: 'test-auth-key', templateId: 'unknown-template', baseUrl: fake.baseUrl });
    await expect(sms.send({ to: '+919876543210', body: 'x' })).rejects.toMatchObject({
      code: 'VENDOR_UNAVAILABLE',
      details: { reason: 'Template ID Missing or Invalid Template' },
    });
  });

  it('reports an unreachable vendor', async () => {
    const sms = createMsg91Sms({ authKey: 'k', templateId: 't', baseUrl: 'http://127.0.0.1:1' });
    await expect(sms.send({ to: '+919876543210', body: 'x' })).rejects.toMatchObject({ code: 'VENDOR_UNAVAILABLE' });
  });
});
