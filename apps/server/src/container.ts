import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Database } from './db/client';
import { createActorResolver } from './http/auth';
import { memoryRateLimiter, redisRateLimiter } from './http/rate-limit';
import { createPaymentGateway } from './integrations/payments';
import { createPgBossQueue } from './jobs/pgboss-queue';
import { declaredQueues } from './jobs/registry';
import { createEventBus } from './lib/events';
import { createSmsSender } from './integrations/sms';
import { createAuthService } from './modules/auth/auth.service';
import { createTotpService } from './modules/auth/totp.service';
import { createTokenSigner } from './modules/auth/tokens';
import { createBasicNotifier } from './modules/notifications/notify';
import { createReputationService } from './modules/reviews/reputation.service';
import { createReviewService } from './modules/reviews/reviews.service';
import { createUsersService } from './modules/users/users.service';

/**
 * Plain wiring: integrations → repositories → services. No DI library; each module's factory takes
 * exactly what it needs from here. Add one line per module.
 */
export function createContainer(deps: { config: Config; database: Database; logger: Logger }) {
  const { config, database, logger } = deps;
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: false }) : null;
  redis?.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));
  const rateLimiter = redis ? redisRateLimiter(redis) : memoryRateLimiter();
  const tokenSigner = createTokenSigner(config.jwtSecret, config.ACCESS_TOKEN_TTL_SEC);
  const resolveActor = createActorResolver(database.db, tokenSigner);
  const sms = createSmsSender(config, database.db);
  const auth = createAuthService({ db: database.db, config, rateLimiter, sms, tokenSigner });
  const totp = createTotpService({ db: database.db, config, rateLimiter, reissueAccessToken: auth.reissueAccessToken });
  const users = createUsersService({ db: database.db });
  const events = createEventBus();
  const jobs = createPgBossQueue({ database, logger, worker: config.ROLES.includes('worker'), declaredQueues });
  const notifier = createBasicNotifier({ jobs, events });
  const payments = createPaymentGateway(config);
  const reputation = createReputationService({ db: database.db });
  const reviews = createReviewService({ db: database.db, notifier, reputation });

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
    /** Payment gateway port (sandbox by default; PAYMENT_GATEWAY=razorpay). */
    paymentGateway: payments.gateway,
    /** The sandbox gateway when it is the configured one (drives the local checkout page), else null. */
    sandboxGateway: payments.sandbox,
    /** Reputation scores (docs/reputation.md): call `reputation.recomputeReputation(tx, providerId)` when an input changes. */
    reputation,
    reviews,
    async close() {
      await jobs.stop();
      if (redis) await redis.quit().catch(() => {});
    },
  };
}
export type Container = ReturnType<typeof createContainer>;
