import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpFake } from './fakes/smtp-fake';
import { createSmtpEmail } from './smtp';

let fake: Awaited<ReturnType<typeof startSmtpFake>>;
beforeAll(async () => {
  fake = await startSmtpFake({ user: 'mailer', pass: 'secret' });
});
afterAll(() => fake.close());

describe('SMTP email adapter (local fake SMTP server)', () => {
  it('authenticates and delivers a UTF-8 (Hindi) message', async () => {
    const mail = createSmtpEmail({
      host: '127.0.0.1',
      port: fake.port,
      secure: false,
      user: 'mailer',
      pass: 'secret',
      from: 'LocalPro <no-reply@localpro.test>',
    });
    const r = await mail.send({ to: 'asha@example.com', subject: 'बुकिंग कन्फर्म हो गई', text: 'आपकी बुकिंग LP-1 कन्फर्म है।' });
    mail.close();
    expect(r.id).toMatch(/@/);
    const got = fake.received.at(-1)!;
    expect(got).toMatchObject({ from: 'no-reply@localpro.test', to: ['asha@example.com'], auth: 'mailer' });
    expect(got.data).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(got.data).toMatch(/Content-Transfer-Encoding: (quoted-printable|base64|8bit)/);
  });

  it('surfaces a refused login as an error', async () => {
    const mail = createSmtpEmail({
      host: '127.0.0.1',
      port: fake.port,
      secure: false,
      user: 'mailer',
      pass: 'wrong',
      from: 'x@localpro.test',
    });
    await expect(mail.send({ to: 'a@example.com', subject: 's', text: 't' })).rejects.toThrow(/Invalid login|535/);
    mail.close();
  });
});
