/**
 * Step helpers for chat and the notification bell, usable from any journey (customer or provider page,
 * English or Hindi UI: they find things by structure — ids, classes, data attributes — not by words).
 *
 *   const room = await openChatFromBooking(page, bookingNumber);   // on /bookings or /pro
 *   await sendMessage(room, 'Is the tap leaking badly?');
 *   await expectMessage(otherRoom, 'क्या नल बहुत टपक रहा है', { translated: true, original: 'Is the tap leaking badly?' });
 *   await expectRead(room);
 */
import type { Page } from 'playwright-core';
import { log } from './log';

const TIMEOUT = 20_000;

/** Clicks the Chat button on a booking card (My bookings or the /pro dashboard) and waits for the room. */
export async function openChatFromBooking(page: Page, bookingNumber: string): Promise<Page> {
  const card = page.locator(`[data-booking="${bookingNumber}"]`);
  await card.waitFor({ timeout: TIMEOUT });
  await card.locator('button.chat-open').click();
  await waitForRoom(page);
  log(`chat opened from booking ${bookingNumber}`);
  return page;
}

/** Clicks the Chat button on a provider's profile page and waits for the room. */
export async function openChatFromProfile(page: Page): Promise<Page> {
  await page.locator('button.chat-open').first().click();
  await waitForRoom(page);
  return page;
}

/** Opens /chat and the conversation with `counterpart` (its name as listed), or the newest one. */
export async function openChatList(page: Page, base: string, counterpart?: string): Promise<Page> {
  await page.goto(`${base}/chat`);
  const rooms = page.locator('.chat-room-item');
  const room = counterpart ? rooms.filter({ hasText: counterpart }).first() : rooms.first();
  await room.waitFor({ timeout: TIMEOUT });
  await room.locator('a').click();
  await waitForRoom(page);
  return page;
}

async function waitForRoom(page: Page): Promise<void> {
  await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/, { timeout: TIMEOUT });
  await page.locator('#chat-input').waitFor({ timeout: TIMEOUT });
  // Connected: the "connecting…" note is gone.
  await page.locator('.chat-conn').waitFor({ state: 'detached', timeout: TIMEOUT });
}

/** My messages containing `text`. */
const mine = (page: Page, text: string) => page.locator('.chat-msg.mine', { hasText: text });
const theirs = (page: Page, text: string) => page.locator('.chat-msg.theirs', { hasText: text });

/** Types `text` (the other side sees "typing…") and sends it; waits until the server stored it (a seq). */
export async function sendMessage(page: Page, text: string): Promise<void> {
  const input = page.locator('#chat-input');
  await input.click();
  await input.pressSequentially(text.slice(0, 3), { delay: 30 });
  await input.fill(text);
  await input.press('Enter');
  await mine(page, text).last().and(page.locator('[data-seq]')).waitFor({ timeout: TIMEOUT });
  log(`sent: ${text}`);
}

/** Starts typing without sending (to see the indicator on the other side); returns a function to clear it. */
export async function startTyping(page: Page, text: string): Promise<() => Promise<void>> {
  const input = page.locator('#chat-input');
  await input.click();
  await input.pressSequentially(text, { delay: 20 });
  return async () => {
    await input.fill('');
  };
}

/** Waits until the other side's "… is typing" line shows. */
export async function expectTyping(page: Page): Promise<void> {
  await page.locator('.chat-typing').filter({ hasText: /\S/ }).waitFor({ timeout: TIMEOUT });
}

export interface ExpectMessageOptions {
  /** true: shown translated with a "Show original" toggle; false: shown as written, marked "Not translated". */
  translated?: boolean;
  /** With translated: the original the toggle reveals. */
  original?: string;
}

/** Waits for a message from the other side containing `text` and checks how it is shown. */
export async function expectMessage(page: Page, text: string, opts: ExpectMessageOptions = {}): Promise<void> {
  const found = theirs(page, text).last();
  await found.waitFor({ timeout: TIMEOUT });
  // Pin it by seq: the toggle changes its text.
  const seq = await found.getAttribute('data-seq');
  const msg = seq ? page.locator(`.chat-msg[data-seq="${seq}"]`) : found;
  if (opts.translated === true) {
    const toggle = msg.locator('button.show-original');
    await toggle.waitFor({ timeout: 2_000 });
    if (opts.original) {
      await toggle.click();
      await msg.locator('.chat-text', { hasText: opts.original }).waitFor({ timeout: 2_000 });
      await toggle.click();
      await msg.locator('.chat-text', { hasText: text }).waitFor({ timeout: 2_000 });
    }
  } else if (opts.translated === false) {
    await msg.locator('.chat-untranslated').waitFor({ timeout: 2_000 });
    if ((await msg.locator('button.show-original').count()) > 0)
      throw new Error(`"${text}" is marked not translated but has a translation toggle`);
  }
  log(`received: ${text}${opts.translated === undefined ? '' : opts.translated ? ' (translated)' : ' (not translated)'}`);
}

/** Waits until my last message (or the last one containing `text`) shows the double "read" tick. */
export async function expectRead(page: Page, text?: string): Promise<void> {
  const msg = text ? mine(page, text).last() : page.locator('.chat-msg.mine').last();
  await msg.locator('.ticks.read').waitFor({ timeout: TIMEOUT });
}

/** Sends a photo (PNG bytes) from the composer; waits until it is stored and shown. */
export async function sendPhoto(page: Page, png: Buffer): Promise<void> {
  await page
    .locator('.chat-composer input[type="file"]')
    .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
  await page.locator('.chat-msg.mine[data-seq] img.chat-photo').last().waitFor({ timeout: TIMEOUT });
  log('sent a photo');
}

/** Waits for the other side's photo to load (a real image, not a broken one). */
export async function expectPhoto(page: Page): Promise<void> {
  const img = page.locator('.chat-msg.theirs img.chat-photo').last();
  await img.waitFor({ timeout: TIMEOUT });
  await page.waitForFunction(
    (el) => el instanceof HTMLImageElement && el.complete && el.naturalWidth > 0,
    await img.elementHandle(),
    {
      timeout: TIMEOUT,
    },
  );
}

/** Shares the browser's location (the context needs the geolocation permission and a position). */
export async function shareLocation(page: Page): Promise<void> {
  const before = await page.locator('.chat-msg.mine .chat-location').count();
  await page.locator('.chat-tools button').last().click();
  await page.locator('.chat-msg.mine[data-seq] .chat-location').nth(before).waitFor({ timeout: TIMEOUT });
  log('shared location');
}

/** Waits for the other side's location preview, linking to a map at about (lat, lng). */
export async function expectLocation(page: Page, lat: number, lng: number): Promise<void> {
  const link = page.locator('.chat-msg.theirs .chat-location').last();
  await link.waitFor({ timeout: TIMEOUT });
  const href = (await link.getAttribute('href')) ?? '';
  if (!href.includes(`mlat=${lat}`) || !href.includes(`mlon=${lng}`))
    throw new Error(`location link ${href} is not at ${lat},${lng}`);
}

/** The header bell's unread count. */
export async function bellCount(page: Page): Promise<number> {
  const bell = page.locator('a.bell');
  await bell.waitFor({ timeout: TIMEOUT });
  return Number((await bell.getAttribute('data-unread')) ?? '0');
}

/** Waits until the header bell shows more than `than` unread notifications; returns the count. */
export async function expectBellAbove(page: Page, than: number): Promise<number> {
  await page.locator('a.bell').and(page.locator(`[data-unread]:not([data-unread="0"])`)).waitFor({ timeout: TIMEOUT });
  await page.waitForFunction((n) => Number(document.querySelector('a.bell')?.getAttribute('data-unread') ?? '0') > n, than, {
    timeout: TIMEOUT,
  });
  return bellCount(page);
}
