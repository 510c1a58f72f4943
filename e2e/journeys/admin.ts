/**
 * The admin console in a real browser. The seed has no pending providers, disputes or held reviews, so
 * they are made first through the public API (e2e/lib/fixtures-api.ts), the way people would. Then the
 * demo admin signs in through the UI — SMS code, then the authenticator (enrolling on first sign-in from
 * the key shown on screen, RFC 6238 computed here) — and works: approves one provider, rejects another
 * with a reason (that provider signs in and sees it), resolves a dispute with a partial refund and sees
 * the ledger still balances, unpublishes a held review; every admin screen is captured, one in Hindi,
 * and a non-admin is told plainly they are not allowed.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { adminTotpCode, adminTotpSecret, rememberAdminTotpSecret } from '../lib/admin-api';
import { ADMIN_PHONE, codeFromInbox, signIn } from '../lib/auth';
import {
  type ApiSession,
  completedCashBooking,
  disputeBooking,
  FixtureApiError,
  pendingProvider,
  reviewBooking,
  waitForOtpCooldown,
} from '../lib/fixtures-api';
import type { Journey } from '../lib/journey';
import { log, shot } from '../lib/log';

const REJECT_REASON =
  'The profile photo is blurry and shows a shop sign, not your face. Please upload a clear photo of yourself.';
const HELD_REVIEW = 'Plumber came late and left a mess. Call me on 98765 43210 and I will tell you more.';

export const adminJourney: Journey = {
  name: 'admin',
  title:
    'admin: OTP + TOTP sign-in, provider queue (approve, reject with reason seen by the provider), dispute partial refund with a balanced ledger, review moderation, every screen',
  async run({ base, newContext }) {
    const admin = await newContext();
    const photo = await jpegPhoto(admin);
    const suffix = String(Date.now()).slice(-5);
    const approveMe = await pendingProvider(base, { name: 'Ramesh Kumar', businessName: `Ramesh Pipe Care ${suffix}`, photo });
    const rejectMe = await pendingProvider(base, { name: 'Suresh Yadav', businessName: `Suresh Leak Fixers ${suffix}`, photo });
    log(`pending providers made through the API: ${approveMe.businessName}, ${rejectMe.businessName}`);

    const page = await adminSignsIn(admin, base);
    await overview(page, base);
    await providerQueue(page, base, approveMe.businessName, rejectMe.businessName);

    // The rejected provider is told why (API) and sees it in their own app (browser).
    const me = await rejectMe.session.request<{ status: string; statusReason: string | null }>('GET', '/providers/me');
    if (me.status !== 'REJECTED' || me.statusReason !== REJECT_REASON) {
      throw new Error(`the rejected provider's profile says ${me.status} / ${me.statusReason}`);
    }
    await providerSeesRejection(await newContext(), base, rejectMe.session.phone, rejectMe.session.otpSentAt);

    // The approved provider is bookable: a customer books, the job is done and paid in cash, then
    // reviewed (with a phone number: held) and disputed.
    const booking = await completedCashBooking(base, approveMe);
    const review = await reviewBooking(booking, HELD_REVIEW);
    if (review.moderationStatus !== 'HELD')
      throw new Error(`a review with a phone number is ${review.moderationStatus}, not HELD`);
    const disputed = await disputeBooking(booking, 'The leak came back the same evening and the floor was left wet.');
    if (disputed.status !== 'DISPUTED') throw new Error(`disputed booking is ${disputed.status}`);
    log(`booking ${booking.bookingNumber} completed, paid ₹${booking.pricePaise / 100} cash, reviewed (held) and disputed`);

    await resolveDispute(page, base, booking.bookingNumber);
    await money(page, base);
    await moderateReview(page, base);
    await bookings(page, base, booking.bookingNumber);
    await users(page, base, booking.customer);
    await catalogue(page, base);
    await audit(page, base);
    await hindi(page, base);
    await page.close();
  },
};

/** A real JPEG for the providers' profile photos (the upload pipeline sniffs and re-encodes it). */
async function jpegPhoto(context: BrowserContext): Promise<Buffer> {
  const p = await context.newPage();
  await p.setViewportSize({ width: 480, height: 480 });
  await p.setContent(
    '<body style="margin:0"><div style="width:480px;height:480px;background:radial-gradient(circle,#f1c27d 30%,#0f5ea8 31%)"></div></body>',
  );
  const buf = await p.screenshot({ type: 'jpeg', quality: 85 });
  await p.close();
  return buf;
}

/** /admin → SMS sign-in → authenticator (enrol on first use, reading the key on screen) → console. */
async function adminSignsIn(context: BrowserContext, base: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/admin`);
  await page.getByRole('heading', { name: 'Admin console' }).waitFor();
  await shot(page, 'admin-00-signed-out');
  await page.locator('.admin-gate').getByRole('link', { name: 'Sign in' }).click();
  await page.waitForURL(/\/login\?next=/);
  await page.getByLabel('Mobile number').fill(ADMIN_PHONE);
  // Another journey may have just signed the admin in through the API: the SMS has a 30 s cooldown.
  for (let attempt = 0; ; attempt += 1) {
    await page.getByRole('button', { name: 'Send code' }).click();
    const sent = await page
      .getByLabel('6-digit code')
      .waitFor({ timeout: 8_000 })
      .then(() => true)
      .catch(() => false);
    if (sent) break;
    if (attempt >= 2) throw new Error(`no code step after Send code: ${await page.locator('[role=alert]').allInnerTexts()}`);
    log('the admin SMS is cooling down; waiting 31 s');
    await page.waitForTimeout(31_000);
  }
  const code = await codeFromInbox(context, base, ADMIN_PHONE);
  await page.getByLabel('6-digit code').fill(code);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(`${base}/admin`);

  const enrol = page.getByRole('heading', { name: 'Set up your authenticator app' });
  const verify = page.getByRole('heading', { name: 'Confirm it is you' });
  await Promise.race([enrol.waitFor(), verify.waitFor()]);
  if (await enrol.isVisible()) {
    const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
    if (!/^[A-Z2-7]{16,}$/.test(secret)) throw new Error(`no authenticator key on the enrolment screen: "${secret}"`);
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    rememberAdminTotpSecret(base, secret);
    await shot(page, 'admin-01-totp-enrol');
    await page.getByLabel('Authenticator code').fill(await adminTotpCode(base));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    const codes = await page.locator('.admin-recovery li').count();
    if (codes !== 10) throw new Error(`expected 10 recovery codes, saw ${codes}`);
    await shot(page, 'admin-02-recovery-codes');
    await page.getByLabel('I have saved these codes').check();
    await page.getByRole('button', { name: 'Continue to the console' }).click();
    log('admin enrolled an authenticator through the UI and saw 10 recovery codes once');
  } else {
    if (!adminTotpSecret(base)) throw new Error('the admin already has an authenticator this run does not know');
    await shot(page, 'admin-01-totp-verify');
    await page.getByLabel('Authenticator code').fill(await adminTotpCode(base));
    await page.getByRole('button', { name: 'Confirm' }).click();
    log('admin confirmed the authenticator code');
  }
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  return page;
}

async function overview(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/admin`);
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  await page.locator('.admin-kpis').waitFor();
  await page.getByRole('img', { name: /Bookings by status and day/ }).waitFor();
  // What waits for operations, each line a link into the console.
  const attention = page.getByTestId('attention');
  await attention.locator('li').first().or(attention.getByText('Nothing is waiting')).waitFor();
  log(`needs attention: ${(await attention.textContent())?.replace(/\s+/g, ' ').trim()}`);
  await shot(page, 'admin-03-overview');
  // The numbers behind a chart, as a table.
  await page.getByRole('button', { name: 'Show the numbers as a table' }).first().click();
  await page.locator('.chart table').first().waitFor();
  await page.getByLabel('City').fill('Lucknow');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.locator('p.muted', { hasText: '· Lucknow ·' }).waitFor();
  await shot(page, 'admin-04-overview-lucknow-table');
  log('overview: KPIs, SVG charts, data table and the city filter');
}

async function providerQueue(page: Page, base: string, approveName: string, rejectName: string): Promise<void> {
  await page.goto(`${base}/admin/providers`);
  await page.getByRole('heading', { name: 'Provider approvals' }).waitFor();
  await page.getByRole('button', { name: new RegExp(approveName) }).click();
  const card = page.locator('article.admin-detail');
  await card.getByRole('heading', { name: approveName }).waitFor();
  await card.getByText('Complete', { exact: true }).waitFor();
  await card.getByRole('link', { name: /Profile photo/ }).waitFor();
  // What the reviewer judges: the pitch and the prices (₹499 fixed, from the fixture).
  await card.getByText(/Fifteen years in Lucknow/).waitFor();
  await card
    .getByText(/₹499 fixed/)
    .first()
    .waitFor();
  await shot(page, 'admin-05-provider-queue');
  await card.getByRole('button', { name: 'Approve' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `${approveName} approved` })
    .waitFor();
  log(`approved ${approveName}; the next provider opened`);

  await page.getByRole('button', { name: new RegExp(rejectName) }).click();
  await card.getByRole('heading', { name: rejectName }).waitFor();
  await card.getByRole('button', { name: 'Reject' }).click();
  await card.getByLabel(/Why is this provider rejected/).fill(REJECT_REASON);
  await shot(page, 'admin-06-provider-reject-reason');
  await card.getByRole('button', { name: 'Reject' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `${rejectName} rejected` })
    .waitFor();
  // Neither is waiting any more.
  if (await page.getByRole('button', { name: new RegExp(`${approveName}|${rejectName}`) }).count()) {
    throw new Error('an acted-on provider is still in the queue');
  }
  await page.getByRole('button', { name: 'Rejected' }).click();
  await page.getByRole('button', { name: new RegExp(rejectName) }).click();
  await card.getByText(REJECT_REASON).waitFor();
  await shot(page, 'admin-07-provider-rejected');
  log(`rejected ${rejectName} with a reason`);
}

async function providerSeesRejection(context: BrowserContext, base: string, phone: string, lastSms: number): Promise<void> {
  await waitForOtpCooldown(lastSms);
  const page = await signIn(context, base, phone, { landing: '/pro' });
  // /pro says changes are needed and links to the profile status, which quotes the reviewer.
  const statusLink = page.getByRole('link', { name: 'See your profile status' });
  if (await statusLink.isVisible().catch(() => false)) await statusLink.click();
  else if (!(await page.getByText(REJECT_REASON).first().isVisible())) await page.goto(`${base}/pro/status`);
  await page.getByText(REJECT_REASON).first().waitFor();
  await shot(page, 'admin-08-provider-sees-rejection');
  log('the rejected provider sees the reason in /pro');
  // A provider is not an admin.
  await page.goto(`${base}/admin`);
  await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
  await shot(page, 'admin-09-not-allowed');
  log('a non-admin at /admin is told it is not allowed');
  await page.close();
}

async function resolveDispute(page: Page, base: string, bookingNumber: string): Promise<void> {
  await page.goto(`${base}/admin/disputes`);
  await page.getByRole('heading', { name: 'Disputes' }).waitFor();
  await page.getByRole('link', { name: bookingNumber }).waitFor();
  await shot(page, 'admin-10-disputes');
  await page.getByRole('link', { name: bookingNumber }).click();
  await page.getByRole('heading', { name: `Dispute ${bookingNumber}` }).waitFor();
  await page.getByRole('heading', { name: 'Timeline' }).waitFor();
  await page.getByRole('heading', { name: 'Chat transcript' }).waitFor();
  await shot(page, 'admin-11-dispute-evidence');
  await page.getByLabel('Partial refund').check();
  await page.getByLabel(/Refund amount in ₹/).fill('150');
  await page
    .getByLabel('Note to both sides')
    .fill('The leak returned the same day. ₹150 back to the customer; the provider keeps the rest.');
  await page.getByRole('button', { name: 'Resolve and notify both sides' }).click();
  await page.getByRole('status').filter({ hasText: 'Resolved: Partial refund (₹150)' }).waitFor();
  await page.getByTestId('ledger-verdict').filter({ hasText: 'The books balance: yes' }).waitFor();
  await shot(page, 'admin-12-dispute-resolved-ledger');
  log(`dispute ${bookingNumber} resolved with a ₹150 partial refund; the ledger check says the books balance`);
  // Cash was paid, so the platform sends the ₹150 itself: ops record the UPI transfer, the books still balance.
  const refund = page.locator('li.admin-refund', { hasText: '₹150' });
  await refund.getByText('To be paid').waitFor();
  await refund.getByLabel('Bank / UPI transfer reference').fill('UPI 4512 7789 0011');
  await refund.getByRole('button', { name: 'Mark as paid to the customer' }).click();
  await refund.getByText('Paid back').waitFor();
  await page.getByRole('button', { name: 'Check again' }).click();
  await page.getByTestId('ledger-verdict').filter({ hasText: 'The books balance: yes' }).waitFor();
  await shot(page, 'admin-12b-refund-settled');
  log('the ₹150 cash refund was recorded as paid to the customer; the books still balance');
}

async function money(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/admin/money`);
  await page.getByRole('heading', { name: 'Money' }).waitFor();
  await page.getByTestId('ledger-verdict').filter({ hasText: 'The books balance: yes' }).waitFor();
  await page.locator('.list .card').first().waitFor();
  await shot(page, 'admin-13-money-payments');
  await page.getByRole('tab', { name: 'Payouts' }).click();
  await page.getByRole('button', { name: /^Failed/ }).waitFor();
  await shot(page, 'admin-14-money-payouts');
  await page.getByRole('tab', { name: 'Revenue' }).click();
  await page.getByRole('img', { name: /Commission by day/ }).waitFor();
  await shot(page, 'admin-15-money-revenue');
  log('money: ledger balances, payments, payouts, revenue');
}

async function moderateReview(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/admin/reviews`);
  await page.getByRole('heading', { name: 'Review moderation' }).waitFor();
  await page.getByRole('button', { name: 'Held by the filter' }).click();
  const item = page.locator('li.admin-review', { hasText: '98765 43210' });
  await item.getByText('a phone number').waitFor();
  await shot(page, 'admin-16-reviews-held');
  await item.getByRole('button', { name: 'Unpublish' }).click();
  await item
    .getByLabel(/Why is it unpublished/)
    .fill('Reviews may not contain phone numbers. Please write it again without one.');
  await item.getByRole('button', { name: 'Unpublish' }).click();
  await page.getByRole('status').filter({ hasText: 'Review unpublished.' }).waitFor();
  if (await page.locator('li.admin-review', { hasText: '98765 43210' }).count())
    throw new Error('the moderated review is still waiting');
  await page.getByRole('button', { name: 'Flagged by people' }).click();
  await page.getByRole('heading', { name: 'Review moderation' }).waitFor();
  await shot(page, 'admin-17-reviews-flagged');
  log('held review unpublished with a reason');
}

async function bookings(page: Page, base: string, bookingNumber: string): Promise<void> {
  await page.goto(`${base}/admin/bookings`);
  await page.getByRole('heading', { name: 'Bookings' }).waitFor();
  await page.getByLabel('Booking number or phone').fill(bookingNumber);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: bookingNumber }).waitFor();
  await shot(page, 'admin-18-bookings-search');
  await page.getByRole('link', { name: bookingNumber }).click();
  await page.getByRole('heading', { name: 'Timeline' }).waitFor();
  await page.getByRole('heading', { name: 'Payments and refunds' }).waitFor();
  await shot(page, 'admin-19-booking-detail');
  log(`booking ${bookingNumber}: timeline, payments and ledger`);
}

async function users(page: Page, base: string, customer: ApiSession): Promise<void> {
  const phone = customer.phone;
  await page.goto(`${base}/admin/users`);
  await page.getByRole('heading', { name: 'Users' }).waitFor();
  await page.getByLabel('Phone or name').fill(phone.slice(-10));
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: new RegExp(phone.slice(-10)) }).click();
  const item = page.locator('li.card', { hasText: phone });
  await item.getByRole('button', { name: 'Suspend' }).click();
  await item.getByLabel('Reason (shown to the user)').fill('Abusive messages to a provider; suspended while we look into it.');
  await shot(page, 'admin-20-users');
  await item.getByRole('button', { name: 'Suspend' }).click();
  await page.getByRole('status').filter({ hasText: 'is now Suspended' }).waitFor();
  // Immediately: the customer's session no longer works.
  const refused = await customer.request('GET', '/bookings?as=customer').then(
    () => null,
    (err: unknown) => err,
  );
  if (!(refused instanceof FixtureApiError) || ![401, 403].includes(refused.status)) {
    throw new Error(`a suspended customer still reaches the API: ${String(refused)}`);
  }
  await item.getByRole('button', { name: 'Reinstate' }).click();
  await item.getByLabel('Reason (shown to the user)').fill('Checked the chat; no abuse found.');
  await item.getByRole('button', { name: 'Reinstate' }).click();
  await page.getByRole('status').filter({ hasText: 'is now Active' }).waitFor();
  log(`users: found the customer by phone, suspended (their API session refused with ${refused.status}) and reinstated`);
}

async function catalogue(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/admin/catalogue`);
  await page.getByRole('heading', { name: 'Catalogue' }).waitFor();
  await page.locator('.row-toggle').first().waitFor();
  // Create a category with English and Hindi names, then deactivate it (it never reaches customers).
  const slug = `water-tank-cleaning-${Date.now().toString(36)}`;
  await page.getByRole('button', { name: 'New category' }).click();
  const form = page.locator('.card', { has: page.getByRole('heading', { name: 'New category' }) });
  await form.getByLabel('Slug (in web addresses)').fill(slug);
  await form.getByLabel('Name in English').fill('Water tank cleaning');
  await form.getByLabel('Name in Hindi').fill('पानी की टंकी की सफ़ाई');
  await form.getByLabel('Icon name').fill('droplet');
  await form.getByLabel('Order (lower shows first)').fill('90');
  await form.getByLabel('Platform fee (%)').fill('12');
  await shot(page, 'admin-21-catalogue-new');
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: 'Water tank cleaning saved.' }).waitFor();
  const row = page.locator('li.card', { hasText: 'पानी की टंकी की सफ़ाई' });
  await row.getByText('fee 12.0%').waitFor();
  await row.getByRole('button', { name: 'Deactivate' }).click();
  await row.getByText('Inactive').waitFor();
  await shot(page, 'admin-21b-catalogue');
  log('catalogue: created a category in English and Hindi with a 12% fee, then deactivated it');
}

async function audit(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/admin/audit`);
  await page.getByRole('heading', { name: 'Audit log' }).waitFor();
  await page.getByLabel('Action').fill('provider.reject');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('cell', { name: REJECT_REASON }).waitFor();
  // Only the rejection is left once the filter applies.
  await page.waitForFunction(() => document.querySelectorAll('.admin-table tbody tr').length === 1);
  await shot(page, 'admin-22-audit');
  log('audit log shows the rejection with its reason');
}

async function hindi(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/admin/providers`);
  await page.getByRole('button', { name: 'Switch the language to Hindi' }).click();
  await page.getByRole('heading', { name: 'सेवा प्रदाता की मंज़ूरी' }).waitFor();
  await page.locator('.admin-queue, .card.muted').first().waitFor();
  await shot(page, 'admin-23-providers-hindi');
  await page.goto(`${base}/admin`);
  await page.getByRole('heading', { name: 'सारांश' }).waitFor();
  await page.getByRole('img', { name: /स्थिति और दिन के अनुसार बुकिंग/ }).waitFor();
  await shot(page, 'admin-24-overview-hindi');
  log('the console in Hindi');
}
