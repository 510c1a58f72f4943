import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFcmFake } from './fakes/fcm-fake';
import { createFcmPush } from './fcm';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const clientEmail = 'push@localpro-test.iam.gserviceaccount.com';

let fake: Awaited<ReturnType<typeof startFcmFake>>;
beforeAll(async () => {
  fake = await startFcmFake({ projectId: 'localpro-test', clientEmail, publicKeyPem: publicPem });
});
afterAll(() => fake.close());

describe('FCM HTTP v1 adapter (local fake of Google OAuth2 + FCM)', () => {
  it('exchanges a signed service-account JWT for a bearer, sends, and reuses the token', async () => {
    const push = createFcmPush({
      projectId: 'localpro-test',
      serviceAccount: { client_email: clientEmail, private_key: privatePem, token_uri: `${fake.url}/token` },
      baseUrl: fake.url,
    });
    const r1 = await push.send({
      token: 'device-1',
      title: 'Booking confirmed',
      body: 'See you at 5',
      data: { bookingId: 'b1' },
    });
    const r2 = await push.send({ token: 'device-2', title: 'Hi', body: 'There' });
    expect(r1).toEqual({ ok: true, id: 'projects/localpro-test/messages/1' });
    expect(r2.ok).toBe(true);
    expect(fake.sent[0]).toEqual({
      token: 'device-1',
      title: 'Booking confirmed',
      body: 'See you at 5',
      data: { bookingId: 'b1' },
    });
    expect(fake.tokensIssued()).toBe(1);
  });

  it('reports an uninstalled app token as UNREGISTERED', async () => {
    const push = createFcmPush({
      projectId: 'localpro-test',
      serviceAccount: { client_email: clientEmail, private_key: privatePem, token_uri: `${fake.url}/token` },
      baseUrl: fake.url,
    });
    expect(await push.send({ token: 'stale-abc', title: 't', body: 'b' })).toMatchObject({ ok: false, reason: 'UNREGISTERED' });
  });

  it('fails to authenticate with a key the token endpoint does not trust', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const push = createFcmPush({
      projectId: 'localpro-test',
      serviceAccount: { client_email: clientEmail, private_key: other, token_uri: `${fake.url}/token` },
      baseUrl: fake.url,
    });
    await expect(push.send({ token: 'device-1', title: 't', body: 'b' })).rejects.toThrow(/token exchange answered 400/);
  });
});
