import type { BrowserContext, Page } from 'playwright-core';
import { CUSTOMER_PHONE, PROVIDER_PHONE, signIn } from '../lib/auth';
import {
  bellCount,
  expectBellAbove,
  expectLocation,
  expectMessage,
  expectPhoto,
  expectRead,
  expectTyping,
  openChatFromBooking,
  openChatList,
  sendMessage,
  sendPhoto,
  shareLocation,
  startTyping,
} from '../lib/chat';
import type { Journey, JourneyContext } from '../lib/journey';
import { log, shot } from '../lib/log';

const HAZRATGANJ = { lat: 26.8506, lng: 80.9466 };

/** A same-origin API call from inside the signed-in page (the session cookie authenticates it). */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const res = await page.evaluate(
    async ([m, p, b]) => {
      const r = await fetch(`/api${p}`, {
        method: m,
        credentials: 'same-origin',
        headers: b === undefined ? {} : { 'content-type': 'application/json' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: r.status, text: await r.text() };
    },
    [method, path, body] as const,
  );
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status}: ${res.text.slice(0, 400)}`);
  return (res.text ? JSON.parse(res.text) : undefined) as T;
}

/**
 * Live features between two phones: the demo provider (Hindi) sits on /pro while the customer's booking
 * request appears there and rings the bell; the provider accepts and the customer's My bookings changes to
 * Confirmed without a reload; they chat from the booking cards — the customer's English arrives in Hindi with
 * "Show original", the Hindi reply arrives in English, an unknown sentence is marked "not translated";
 * typing, read ticks, a photo and a shared location show live; a message sent while the provider is away
 * becomes a notification that leads back to the chat.
 */
export const chatLiveJourney: Journey = {
  name: 'chat-live',
  title: 'live booking status, chat with translation, typing, read ticks, photo, location, notifications',
  async run({ base, newContext }) {
    // ---- the provider on their dashboard, in Hindi ----
    const providerCtx = await newContext({ locale: 'hi-IN' });
    const pro = await signIn(providerCtx, base, PROVIDER_PHONE, { landing: '/pro' });
    const me = await api<{ user: { preferredLanguage: string } }>(pro, 'GET', '/me');
    log(`demo provider's language: ${me.user.preferredLanguage}`);
    try {
      await chatLive(base, newContext, providerCtx, pro, me.user.preferredLanguage);
    } finally {
      // Later journeys expect the demo provider as seeded.
      if (me.user.preferredLanguage !== 'hi') {
        const page = await providerCtx.newPage();
        await page.goto(`${base}/`);
        await api(page, 'PATCH', '/me', { preferredLanguage: me.user.preferredLanguage }).catch((err: unknown) =>
          log(`could not restore the provider's language: ${String(err)}`),
        );
      }
    }
  },
};

async function chatLive(
  base: string,
  newContext: JourneyContext['newContext'],
  providerCtx: BrowserContext,
  pro: Page,
  language: string,
): Promise<void> {
  {
    if (language !== 'hi') {
      // Set it the way a person would: on /account.
      await pro.goto(`${base}/account`);
      await pro.locator('#acc-lang').selectOption('hi');
      await pro.locator('#acc-lang').locator('xpath=ancestor::form').locator('button[type="submit"]').click();
      await pro.locator('.account-section .ok[role="status"]').first().waitFor();
      log('provider switched to Hindi on /account');
      await pro.goto(`${base}/pro`);
    }
    const profile = await api<{ id: string; subCategoryIds: string[] }>(pro, 'GET', '/providers/me');
    await pro.locator('a.bell').waitFor();
    const proBellBefore = await bellCount(pro);

    // ---- the customer requests a booking (through the API from the signed-in page) ----
    const customerCtx = await newContext();
    await customerCtx.grantPermissions(['geolocation'], { origin: base });
    await customerCtx.setGeolocation({ latitude: HAZRATGANJ.lat, longitude: HAZRATGANJ.lng });
    const cust = await signIn(customerCtx, base, CUSTOMER_PHONE);
    let slot: string | null = null;
    for (let d = 1; d <= 8 && !slot; d += 1) {
      const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date(Date.now() + d * 86_400_000));
      const av = await api<{ slots: { start: string }[] }>(
        cust,
        'GET',
        `/providers/${profile.id}/availability?date=${date}&subCategoryId=${profile.subCategoryIds[0]}&lat=${HAZRATGANJ.lat}&lng=${HAZRATGANJ.lng}`,
      );
      slot = av.slots[0]?.start ?? null;
    }
    if (!slot) throw new Error('the demo provider has no free slot in the next 8 days');
    const booking = await api<{ id: string; bookingNumber: string }>(cust, 'POST', '/bookings', {
      providerId: profile.id,
      subCategoryId: profile.subCategoryIds[0],
      scheduledStart: slot,
      serviceLocation: { address: '14 Ashok Marg, Hazratganj, Lucknow', lat: 26.8556, lng: 80.9466, pincode: '226001' },
      specialInstructions: 'Kitchen tap leaking under the sink',
    });
    log(`booking ${booking.bookingNumber} requested`);

    // The request appears on the provider's open dashboard and the bell rings — no reload.
    const proCard = pro.locator(`[data-booking="${booking.bookingNumber}"]`);
    await proCard.waitFor({ timeout: 20_000 });
    const proBell = await expectBellAbove(pro, proBellBefore);
    log(`provider saw the new request live; bell ${proBellBefore} → ${proBell}`);
    await shot(pro, '40-pro-live-request');

    // The customer watches My bookings while the provider accepts: the status changes live.
    await cust.goto(`${base}/bookings`);
    const custCard = cust.locator(`[data-booking="${booking.bookingNumber}"]`);
    await custCard.locator('.status-PENDING').waitFor();
    const custBellBefore = await bellCount(cust);
    await proCard.locator('button').first().click(); // Accept (स्वीकार करें)
    await custCard.locator('.status-CONFIRMED').waitFor({ timeout: 20_000 });
    const custBell = await expectBellAbove(cust, custBellBefore);
    log(`customer saw Confirmed live; bell ${custBellBefore} → ${custBell}`);
    await shot(cust, '41-bookings-live-confirmed');

    // ---- chat from the booking cards ----
    await openChatFromBooking(cust, booking.bookingNumber);
    await pro.goto(`${base}/pro`);
    await openChatFromBooking(pro, booking.bookingNumber);
    if (new URL(cust.url()).pathname !== new URL(pro.url()).pathname)
      throw new Error('customer and provider are in different rooms');

    const clear = await startTyping(cust, 'Is the tap');
    await expectTyping(pro);
    log('provider sees the customer typing');
    await shot(pro, '42-pro-sees-typing');
    await clear();

    await sendMessage(cust, 'Is the tap leaking badly? Please come tomorrow morning');
    await expectMessage(pro, 'क्या नल बहुत टपक रहा है', { translated: true, original: 'Is the tap leaking badly?' });
    await expectRead(cust, 'Is the tap leaking badly');
    log('customer sees the double tick: read');
    await shot(pro, '43-pro-chat-translated');

    await sendMessage(pro, 'हां। मैं कल सुबह आऊंगा।');
    await expectMessage(cust, 'Yes. I will come tomorrow morning', { translated: true, original: 'मैं कल सुबह आऊंगा' });
    await expectRead(pro);
    await sendMessage(pro, 'नल के नीचे वाला पाइप भी देख लूंगा');
    await expectMessage(cust, 'नल के नीचे वाला पाइप भी देख लूंगा', { translated: false });

    // A photo of the leak and the customer's location.
    const photo = await cust.screenshot({ clip: { x: 0, y: 0, width: 120, height: 90 } });
    await sendPhoto(cust, photo);
    await expectPhoto(pro);
    await shareLocation(cust);
    await expectLocation(pro, HAZRATGANJ.lat, HAZRATGANJ.lng);
    await expectRead(cust);
    await shot(cust, '44-customer-chat');
    await shot(pro, '45-pro-chat');

    // ---- away: a message while the provider has no app open becomes a notification back to the chat ----
    const roomPath = new URL(pro.url()).pathname;
    await pro.close();
    await new Promise((r) => setTimeout(r, 1_500)); // the server notices the socket is gone
    await sendMessage(cust, 'Thank you');
    const back = await providerCtx.newPage();
    await back.goto(`${base}/pro`);
    await back.locator('a.bell').waitFor();
    await back.locator('a.bell').click();
    await back.waitForURL(/\/notifications$/);
    const chatNote = back.locator('.notification[data-type="CHAT_MESSAGE"]').first();
    await chatNote.waitFor({ timeout: 20_000 });
    await shot(back, '46-pro-notifications');
    await chatNote.locator('button.btn').first().click(); // Open (खोलें)
    await back.waitForURL(`${base}${roomPath}`);
    await expectMessage(back, 'धन्यवाद', { translated: true, original: 'Thank you' });

    // ---- a dropped connection: what was sent meanwhile is caught up after reconnecting ----
    await providerCtx.setOffline(true);
    await back.locator('.chat-conn').waitFor({ timeout: 60_000 });
    log('provider offline: the room shows it is reconnecting');
    await sendMessage(cust, 'Please wait');
    await providerCtx.setOffline(false);
    await expectMessage(back, 'कृपया रुकिए', { translated: true, original: 'Please wait' });
    log('provider caught up after reconnecting');

    // ---- the notification centre: mark everything read, the bell clears ----
    await back.goto(`${base}/notifications`);
    await back.locator('.notification').first().waitFor();
    await back.locator('.notifications-head button').click();
    await back.locator('a.bell[data-unread="0"]').waitFor();
    if ((await back.locator('.notification.unread').count()) > 0) throw new Error('notifications still unread after mark all');
    log('provider marked all notifications read; bell 0');

    // ---- the customer's account: an address found by locality, a notification choice, devices ----
    await cust.goto(`${base}/account`);
    await cust.getByRole('heading', { name: 'Saved addresses' }).waitFor();
    await cust.getByRole('button', { name: 'Add an address' }).click();
    await cust.getByLabel('Label (e.g. Home, Office)').fill('Parents');
    await cust.getByLabel('Find the locality on the map').fill('Gomti Nagar');
    await cust.getByRole('button', { name: 'Search', exact: true }).click();
    await cust.locator('.places button').first().click();
    await cust.locator('.address-form .ok[role="status"]').waitFor();
    await cust.getByLabel('House, street and area').fill('B-12 Vibhuti Khand, Gomti Nagar');
    const pin = cust.getByLabel('Pincode');
    if (!(await pin.inputValue())) await pin.fill('226010');
    await cust.locator('.address-form button[type="submit"]').click();
    await cust.locator('[data-address="Parents"]').waitFor();
    const sms = cust.getByLabel('SMS for “New chat message (when you are away)”');
    const wasOn = await sms.isChecked();
    await sms.click();
    await cust.waitForFunction(
      ([label, before]) =>
        (document.querySelector(`input[aria-label="${label}"]`) as HTMLInputElement | null)?.checked === !before,
      ['SMS for “New chat message (when you are away)”', wasOn] as const,
    );
    const saved = await api<{ channels: Record<string, { sms: boolean }> }>(cust, 'GET', '/me/notification-preferences');
    if (saved.channels.CHAT_MESSAGE?.sms === wasOn) throw new Error('the chat SMS preference was not saved');
    await cust.getByText('This device').waitFor();
    await shot(cust, '47-account');
    log('customer added an address by locality, changed a notification channel, sees this device');
    // The list of rooms shows the conversation too.
    await cust.goto(`${base}/chat`);
    await cust.locator('.chat-room-item').first().waitFor();
    await shot(cust, '48-chat-list');
    await openChatList(cust, base);
    log('chat-live: all live steps seen');
  }
}
