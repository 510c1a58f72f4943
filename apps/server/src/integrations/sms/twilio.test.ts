import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwilioFake } from './fakes/twilio-fake';
import { createTwilioSms } from './twilio';

const accountSid = 'AC0123456789abcdef0123456789abcdef';
let fake: Awaited<ReturnType<typeof startTwilioFake>>;
beforeAll(async () => {
  fake = await startTwilioFake({ accountSid, authToken: 'secret-token' });
});
afterAll(async () => {
  await fake.close();
});

describe('Twilio SMS adapter', () => {
  it('posts a form-encoded message with basic auth and returns the message sid', async () => {
    const sms = createTwilioSms({ accountSid, authToken: 'secret-token', from: '+15005550006', baseUrl: fake.baseUrl });
    const r = await sms.send({ to: '+919876543210', body: '123456 आपका कोड है' });
    expect(r.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    const req = fake.requests.at(-1)!;
    expect(req.url).toBe(`/2010-04-01/Accounts/${accountSid}/Messages.json`);
    expect(req.headers['content-type']).toContain('application/x-www-form-urlencoded');
    const form = new URLSearchParams(req.body);
    expect(Object.fromEntries(form)).toEqual({ To: '+919876543210', From: '+15005550006', Body: '123456 आपका कोड है' });
  });

  it('surfaces bad credentials as VENDOR_UNAVAILABLE with the Twilio error code', async () => {
    const sms = createTwilioSms({ accountSid, authToken: 'wrong', from: '+15005550006', baseUrl: fake.baseUrl });
    await expect(sms.send({ to: '+919876543210', body: 'x' })).rejects.toMatchObject({
      code: 'VENDOR_UNAVAILABLE',
      details: { vendor: 'twilio', status: 401, vendorCode: 20003 },
    });
  });

  it('surfaces an invalid number (21211)', async () => {
    const sms = createTwilioSms({ accountSid, authToken: 'secret-token', from: '+15005550006', baseUrl: fake.baseUrl });
    await expect(sms.send({ to: '98765', body: 'x' })).rejects.toMatchObject({
      details: { status: 400, vendorCode: 21211, reason: expect.stringContaining('not a valid phone number') },
    });
  });
});
