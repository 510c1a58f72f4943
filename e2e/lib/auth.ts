import type { BrowserContext, Page } from 'playwright-core';
import { log, shot } from './log';

export const CUSTOMER_PHONE = '+919000000001';
export const PROVIDER_PHONE = '+919000000101';
export const ADMIN_PHONE = '+919000000000';
/** The sign-in SMS, in the account's language (English + Hindi, or Hindi only). */
export const LOGIN_CODE = /(\d{6}) (is your|आपका)/;

/** The newest one-time code sent to `phone`, read the way a developer would: in the dev inbox page. */
export async function codeFromInbox(context: BrowserContext, base: string, phone: string, screenshot?: string): Promise<string> {
  const inbox = await context.newPage();
  await inbox.goto(`${base}/dev/inbox?to=${encodeURIComponent(phone)}`);
  const first = inbox.locator('.outbox-item', { hasText: LOGIN_CODE }).first();
  // The inbox refreshes itself every few seconds.
  await first.waitFor({ timeout: 30_000 }).catch(async (err: unknown) => {
    await shot(inbox, 'failed-dev-inbox');
    const api = await fetch(`${base}/api/dev/outbox?to=${encodeURIComponent(phone)}`).then((r) => r.text());
    throw new Error(`no login code in the dev inbox for ${phone}: ${String(err)}\nAPI says: ${api.slice(0, 1500)}`);
  });
  if (screenshot) await shot(inbox, screenshot);
  const message = (await first.textContent()) ?? '';
  const code = LOGIN_CODE.exec(message)?.[1];
  if (!code) throw new Error(`no 6-digit code in the dev inbox message: ${message}`);
  await inbox.close();
  return code;
}

export interface SignInOptions {
  /** Where the app lands after sign-in (path). */
  landing?: string;
  /** Screenshot names for the code step and the inbox, when wanted. */
  shots?: { code: string; inbox: string };
}

/** Signs in with phone + one-time code through the English login page; returns the signed-in page. */
export async function signIn(context: BrowserContext, base: string, phone: string, options: SignInOptions = {}): Promise<Page> {
  const landing = options.landing ?? '/';
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel('Mobile number').fill(phone);
  await page.getByRole('button', { name: 'Send code' }).click();
  await page.getByLabel('6-digit code').waitFor();
  if (options.shots) await shot(page, options.shots.code);
  const code = await codeFromInbox(context, base, phone, options.shots?.inbox);
  await page.getByLabel('6-digit code').fill(code);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(`${base}${landing}`);
  log(`signed in as ${phone}`);
  return page;
}
