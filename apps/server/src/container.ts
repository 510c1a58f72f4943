import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Database } from './db/client';
import { createActorResolver } from './http/auth';
import { memoryRateLimiter, redisRateLimiter } from './http/rate-limit';
import { createEmailSender } from './integrations/email';
import { createQueryRefiner } from './integrations/llm';
import { createGeocoder } from './integrations/maps';
import { createPaymentGateway } from './integrations/payments';
import { createPayoutGateway } from './integrations/payouts';
import { createPushSender } from './integrations/push';
import { createSmsSender } from './integrations/sms';
import { createTranslator } from './integrations/translation';
import { createPgBossQueue } from './jobs/pgboss-queue';
import { declaredQueues } from './jobs/registry';
import { createEventBus } from './lib/events';
import { createAdminAttention } from './modules/admin/admin-attention';
import { createAdminBookingsService } from './modules/admin/admin-bookings.service';
import { createAdminMetricsService } from './modules/admin/admin-metrics.service';
import { createAdminMoneyService } from './modules/admin/admin-money.service';
import { createAuthService } from './modules/auth/auth.service';
import { createTokenSigner } from './modules/auth/tokens';
import { createTotpService } from './modules/auth/totp.service';
import { createBookingService } from './modules/bookings/bookings.service';
import { createCatalogRepository } from './modules/catalog/catalog.repository';
import { createCatalogService } from './modules/catalog/catalog.service';
import { createChatService } from './modules/chat/chat.service';
import { connectDisputeHooks, createDisputesService } from './modules/disputes/disputes.service';
import { createLedger } from './modules/ledger/ledger';
import { createNotificationsService } from './modules/notifications/notifications.service';
import { createNotifier } from './modules/notifications/notifier';
import { createInvoiceService } from './modules/payments/invoice.service';
import { connectBookingHooks } from './modules/payments/payments.jobs';
import { createPaymentService } from './modules/payments/payments.service';
import { createOnboarding } from './modules/providers/providers.wiring';
import { createReputationService } from './modules/reviews/reputation.service';
import { createReviewService } from './modules/reviews/reviews.service';
import { createSearchRepository } from './modules/search/search.repository';
import { createSearchService } from './modules/search/search.service';
import { createTrackingService } from './modules/tracking/tracking.service';
import { createUsersService } from './modules/users/users.service';
import { createWalletService } from './modules/wallet/wallet.service';
import { memoryPresence, redisPresence } from './realtime/presence';

/**
 * Plain wiring: integrations → repositories → services. No DI library; each module's factory takes
 * exactly what it needs from here. Add one line per module.
 */
export function createContainer(deps: { config: Config; database: Database; logger: Logger; rateLimitPrefix?: string }) {
  const { config, database, logger } = deps;
  const redis = config.REDIS_URL
    ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: false, enableAutoPipelining: true })
    : null;
  redis?.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));
  const rateLimiter = redis ? redisRateLimiter(redis, deps.rateLimitPrefix) : memoryRateLimiter();
  const tokenSigner = createTokenSigner(config.jwtSecret, config.ACCESS_TOKEN_TTL_SEC);
  const resolveActor = createActorResolver(database.db, tokenSigner);
  const sms = createSmsSender(config, database.db);
  const events = createEventBus();
  const auth = createAuthService({ db: database.db, config, rateLimiter, sms, tokenSigner, events });
  const totp = createTotpService({ db: database.db, config, rateLimiter, reissueAccessToken: auth.reissueAccessToken });
  const users = createUsersService({ db: database.db, events });
  const jobs = createPgBossQueue({ database, logger, worker: config.ROLES.includes('worker'), declaredQueues });
  const notifier = createNotifier({ jobs });
  const bookings = createBookingService({ db: database.db, jobs, notifier, events, config });
  const presence = redis ? redisPresence(redis) : memoryPresence();
  const translator = createTranslator(config, (err) => logger.warn({ err: (err as Error).message }, 'translation vendor failed'));
  const chat = createChatService({ database, translator, notifier, presence, config });
  const tracking = createTrackingService({ db: database.db, config });
  const notifications = createNotificationsService({ db: database.db });
  const push = createPushSender(config, database.db);
  const email = createEmailSender(config, database.db);
  const payments = createPaymentGateway(config);
  const onboarding = createOnboarding({
    config,
    database,
    logger,
    jobs,
    // Chat photos: the room's participants may see an image once it was sent there.
    documentViewRules: { CHAT_MEDIA: chat.canSeeMedia },
    notifier,
    events,
    rateLimiter,
    paymentGateway: payments.gateway,
    sms,
  });
  const reputation = createReputationService({ db: database.db });
  const reviews = createReviewService({ db: database.db, notifier, reputation });
  const ledger = createLedger();
  const paymentService = createPaymentService({
    db: database.db,
    ledger,
    gateway: payments.gateway,
    sandbox: payments.sandbox,
    jobs,
    notifier,
    events,
    config,
    logger,
  });
  const payoutGateway = createPayoutGateway(config);
  const wallet = createWalletService({ db: database.db, ledger, payouts: payoutGateway, jobs, notifier, config, logger });
  const invoices = createInvoiceService({ db: database.db, config });
  // Escrow release inside the confirm-completion transaction; refund jobs when a paid booking ends early.
  connectBookingHooks(bookings, paymentService, jobs);
  const adminBookings = createAdminBookingsService({ db: database.db, query: database.query, config });
  const admin = {
    metrics: createAdminMetricsService({ query: database.query }),
    attention: createAdminAttention(database.query),
    bookings: adminBookings,
    money: createAdminMoneyService({ db: database.db, query: database.query }),
  };
  const disputes = createDisputesService({
    db: database.db,
    query: database.query,
    bookings,
    payments: paymentService,
    ledger,
    notifier,
    events,
    adminBookings,
    logger,
  });
  // BOOKING_DISPUTED to the provider and the admins, inside the dispute's transaction.
  connectDisputeHooks(bookings, disputes);
  const catalog = createCatalogService({ db: database.db, repo: createCatalogRepository() });
  const geocoder = createGeocoder(config);
  const search = createSearchService({
    db: database.db,
    repo: createSearchRepository(database),
    catalog,
    geocoder,
    refiner: createQueryRefiner(config),
    config,
    logger,
  });

  return {
    config,
    database,
    db: database.db,
    logger,
    redis,
    rateLimiter,
    tokenSigner,
    resolveActor,
    /** SMS port (config.SMS_PROVIDER: local dev outbox | msg91 | twilio). */
    sms,
    auth,
    totp,
    users,
    events,
    jobs,
    notifier,
    /** Bookings: availability and lifecycle; `bookings.onCustomerConfirmed(fn)` / `onTransition(fn)` hooks run inside the transition's tx. */
    bookings,
    /** Who has a connected socket (in memory, or Redis across nodes); see realtime/presence.ts. */
    presence,
    translator,
    chat,
    tracking,
    notifications,
    /** Push port (local dev outbox | FCM HTTP v1) and email port (local dev outbox | SMTP). */
    push,
    email,
    /** Payment gateway port (sandbox by default; PAYMENT_GATEWAY=razorpay). */
    paymentGateway: payments.gateway,
    /** Provider onboarding services; `uploads.storeUpload` is the shared upload pipeline, `storage` the file store. */
    onboarding,
    storage: onboarding.storage,
    uploads: onboarding.uploads,
    /** The sandbox gateway when it is the configured one (drives the local checkout page), else null. */
    sandboxGateway: payments.sandbox,
    /** Reputation scores (docs/reputation.md): call `reputation.recomputeReputation(tx, providerId)` when an input changes. */
    reputation,
    reviews,
    /** Double-entry ledger (modules/ledger): post(tx, {kind, reference, lines}), balances, check(). */
    ledger,
    /** Payments: cash/UPI, in-app escrow, refunds; `payments.releaseEscrowForBooking(tx, bookingId)`. */
    payments: paymentService,
    /** Payout port (sandbox | razorpayx) and provider wallets/withdrawals. */
    payoutGateway,
    wallet,
    invoices,
    /** Admin console reads: overview metrics, booking search/detail, payments/payouts/revenue (modules/admin). */
    admin,
    /** Disputes queue, evidence and resolution (refund, rework, no action); modules/disputes. */
    disputes,
    /** Catalogue reads/admin CRUD; `catalog.slugIndex()` maps RULES.md slugs to ids. */
    catalog,
    /** Geocoding port (MAPS_PROVIDER: local gazetteer | google | mapmyindia). */
    geocoder,
    /** Search: query understanding, geo candidates, match score, impression/selection logs. */
    search,
    async close() {
      await jobs.stop();
      if (redis) await redis.quit().catch(() => {});
    },
  };
}
export type Container = ReturnType<typeof createContainer>;
