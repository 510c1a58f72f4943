import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../src/config';
import { memoryRateLimiter } from '../src/http/rate-limit';
import { createSmsSender } from '../src/integrations/sms';
import { startMsg91Fake } from '../src/integrations/sms/fakes/msg91-fake';
import { startTwilioFake } from '../src/integrations/sms/fakes/twilio-fake';
import { createAuthService } from '../src/modules/auth/auth.service';
import { createTestApp, type TestApp } from './app';
import { nextIp, randomPhone } from './factories/auth';

const sid = 'AC11111111111111111111111111111111';
let t: TestApp;
let twilio: Awaited<ReturnType<typeof startTwilioFake>>;
let msg91: Awaited<ReturnType<typeof startMsg91Fake>>;
beforeAll(async () => {
  t = await createTestApp();
  twilio = await startTwilioFake({ accountSid: sid, authToken: 'right-token' });
  msg91 = await startMsg91Fake({ authKey: 'msg91-key', knownTemplates: ['otp-flow'] });
});
afterAll(async () => {
  await t?.close();
  await twilio?.close();
  await msg91?.close();
});

/** The real auth service on the test database, sending through the adapter the config selects. */
function authWith(env: Record<string, string>) {
  const config = testConfig(env);
  return createAuthService({
    db: t.c.db,
    events: t.c.events,
    config,
    rateLimiter: memoryRateLimiter(),
    sms: createSmsSender(config, t.c.db),
    tokenSigner: t.c.tokenSigner,
  });
}
const client = () => ({ ip: nextIp(), userAgent: 'vitest' });

describe('OTP over real SMS vendors (local fakes of their APIs)', () => {
  it('signs in with a code delivered through Twilio', async () => {
    const auth = authWith({
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: sid,
      TWILIO_AUTH_TOKEN: 'right-token',
      TWILIO_FROM: '+15005550006',
      TWILIO_BASE_URL: twilio.baseUrl,
    });
    const phone = randomPhone();
    await auth.requestOtp({ phone }, client());
    const sent = new URLSearchParams(twilio.requests.at(-1)!.body);
    expect(sent.get('To')).toBe(phone);
    const code = /\b(\d{6})\b/.exec(sent.get('Body')!)![1]!;
    const pair = await auth.verifyOtp({ phone, code }, client());
    expect(pair.user.phone).toBe(phone);
  });

  it('signs in with a code delivered through an MSG91 flow', async () => {
    const auth = authWith({
      SMS_PROVIDER: 'msg91',
      MSG91_AUTH_KEY: 'msg91-key',
      MSG91_TEMPLATE_ID: 'otp-flow',
      MSG91_BASE_URL: msg91.baseUrl,
    });
    const phone = randomPhone();
    await auth.requestOtp({ phone }, client());
    const sent = JSON.parse(msg91.requests.at(-1)!.body);
    expect(sent.template_id).toBe('otp-flow');
    expect(sent.recipients[0].mobiles).toBe(phone.slice(1));
    const pair = await auth.verifyOtp({ phone, code: sent.recipients[0].otp }, client());
    expect(pair.user.phone).toBe(phone);
  });

  it('fails with 502 when the vendor refuses, and the undelivered code is dead', async () => {
    const auth = authWith({
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: sid,
      TWILIO_AUTH_TOKEN: 'wrong-token',
      TWILIO_FROM: '+15005550006',
      TWILIO_BASE_URL: twilio.baseUrl,
    });
    const phone = randomPhone();
    await expect(auth.requestOtp({ phone }, client())).rejects.toMatchObject({ code: 'VENDOR_UNAVAILABLE', status: 502 });
    const { rows } = await t.database.query('select dead_at from otp_challenges where phone = $1', [phone]);
    expect(rows[0]?.dead_at).not.toBeNull();
  });

  it('refuses to start with a vendor selected but no credentials', () => {
    expect(() => createSmsSender(testConfig({ SMS_PROVIDER: 'msg91' }), t.c.db)).toThrow(/MSG91_AUTH_KEY/);
    expect(() => createSmsSender(testConfig({ SMS_PROVIDER: 'twilio' }), t.c.db)).toThrow(/TWILIO_ACCOUNT_SID/);
  });
});
