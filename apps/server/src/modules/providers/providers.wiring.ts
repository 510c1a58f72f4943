import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import type { RateLimiter } from '../../http/rate-limit';
import { createHttpAgency } from '../../integrations/background-check/agency';
import { createSandboxAgency } from '../../integrations/background-check/local';
import {
  BACKGROUND_CHECK_COMPLETE_JOB,
  type BackgroundCheckAgency,
  type BackgroundCheckCompleteJob,
} from '../../integrations/background-check/port';
import { createSandboxKyc } from '../../integrations/kyc/local';
import type { KycProvider } from '../../integrations/kyc/port';
import { createSurepassKyc } from '../../integrations/kyc/surepass';
import type { PaymentGateway } from '../../integrations/payments/port';
import { createSmsSender } from '../../integrations/sms';
import type { SmsSender } from '../../integrations/sms/port';
import { createLocalStorage } from '../../integrations/storage/local';
import type { ObjectStorage } from '../../integrations/storage/port';
import { createS3Storage } from '../../integrations/storage/s3';
import type { JobQueue } from '../../jobs/jobs';
import type { EventBus } from '../../lib/events';
import { createDocumentsRepository } from '../documents/documents.repository';
import { createDocumentsService } from '../documents/documents.service';
import { createUploadsService } from '../documents/uploads.service';
import type { Notifier } from '../notifications/notify';
import { createBackgroundCheckService } from './background-check.service';
import { createBankAccountService } from './bank-account.service';
import { createKycService } from './kyc.service';
import { createLocalPayoutRegistrar, type PayoutAccountRegistrar } from './payout-account';
import { createProvidersRepository } from './providers.repository';
import { createProvidersService } from './providers.service';

function missing(keys: string, when: string): never {
  throw new Error(`Invalid configuration:\n  - ${keys}: required when ${when}`);
}

export function createStorage(config: Config): ObjectStorage {
  if (config.STORAGE_DRIVER === 'local') return createLocalStorage(config.DATA_DIR);
  const {
    S3_ENDPOINT: endpoint,
    S3_BUCKET: bucket,
    S3_ACCESS_KEY_ID: accessKeyId,
    S3_SECRET_ACCESS_KEY: secretAccessKey,
  } = config;
  if (!endpoint || !bucket || !accessKeyId || !secretAccessKey) {
    missing('S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY', 'STORAGE_DRIVER=s3');
  }
  return createS3Storage({ endpoint, bucket, accessKeyId, secretAccessKey, region: config.S3_REGION });
}

export function createKycProvider(config: Config, sendSms: (to: string, body: string) => Promise<void>): KycProvider {
  if (config.KYC_PROVIDER === 'surepass') {
    if (!config.SUREPASS_API_TOKEN) missing('SUREPASS_API_TOKEN', 'KYC_PROVIDER=surepass');
    return createSurepassKyc({ baseUrl: config.SUREPASS_BASE_URL, token: config.SUREPASS_API_TOKEN });
  }
  if (config.isProduction) throw new Error('Invalid configuration:\n  - KYC_PROVIDER: the sandbox cannot run in production');
  return createSandboxKyc({ secret: `${config.jwtSecret}:kyc-sandbox`, sendSms });
}

export function createAgency(config: Config, jobs: JobQueue): BackgroundCheckAgency {
  if (config.BACKGROUND_CHECK_PROVIDER === 'agency') {
    const {
      BACKGROUND_CHECK_AGENCY_BASE_URL: baseUrl,
      BACKGROUND_CHECK_AGENCY_API_KEY: apiKey,
      BACKGROUND_CHECK_WEBHOOK_SECRET: webhookSecret,
    } = config;
    if (!baseUrl || !apiKey || !webhookSecret) {
      missing(
        'BACKGROUND_CHECK_AGENCY_BASE_URL, BACKGROUND_CHECK_AGENCY_API_KEY, BACKGROUND_CHECK_WEBHOOK_SECRET',
        'BACKGROUND_CHECK_PROVIDER=agency',
      );
    }
    return createHttpAgency({ baseUrl, apiKey, webhookSecret });
  }
  return createSandboxAgency({
    jobs,
    delaySec: config.BACKGROUND_CHECK_SANDBOX_DELAY_SEC,
    outcome: config.BACKGROUND_CHECK_SANDBOX_OUTCOME,
  });
}

/**
 * Provider onboarding: storage + uploads, documents, profiles, KYC, bank account, background checks.
 * One call from container.ts; tests may swap any integration through `overrides`.
 */
export function createOnboarding(deps: {
  config: Config;
  database: Database;
  logger: Logger;
  jobs: JobQueue;
  notifier: Notifier;
  events: EventBus;
  rateLimiter: RateLimiter;
  paymentGateway: PaymentGateway;
  sms?: SmsSender;
  overrides?: {
    storage?: ObjectStorage;
    kyc?: KycProvider;
    agency?: BackgroundCheckAgency;
    payoutRegistrar?: PayoutAccountRegistrar;
  };
  documentViewRules?: Parameters<typeof createDocumentsService>[0]['viewRules'];
}) {
  const { config, database, jobs, notifier, events, rateLimiter } = deps;
  const db = database.db;
  const sms = deps.sms ?? createSmsSender(config, db);
  const sendSms = async (to: string, body: string) => {
    await sms.send({ to, body });
  };
  const storage = deps.overrides?.storage ?? createStorage(config);
  const documentsRepo = createDocumentsRepository();
  const uploads = createUploadsService({
    db,
    storage,
    documents: documentsRepo,
    config,
    imageLimits: { maxInputPixels: config.UPLOAD_MAX_INPUT_PIXELS, maxSide: config.UPLOAD_MAX_IMAGE_SIDE },
  });
  const documents = createDocumentsService({ db, storage, documents: documentsRepo, viewRules: deps.documentViewRules });
  const repo = createProvidersRepository();
  const providers = createProvidersService({ db, repo, documents: documentsRepo, notifier, events });
  const kyc = createKycService({
    db,
    repo,
    providers,
    kyc: deps.overrides?.kyc ?? createKycProvider(config, sendSms),
    rateLimiter,
    notifier,
    events,
    config,
  });
  const bankAccount = createBankAccountService({
    db,
    repo,
    providers,
    rateLimiter,
    sendSms,
    registrar: deps.overrides?.payoutRegistrar ?? createLocalPayoutRegistrar(`${config.jwtSecret}:payout-accounts`),
  });
  const backgroundChecks = createBackgroundCheckService({
    db,
    repo,
    providers,
    gateway: deps.paymentGateway,
    agency: deps.overrides?.agency ?? createAgency(config, jobs),
    notifier,
    events,
  });
  return { storage, uploads, documents, providers, kyc, bankAccount, backgroundChecks };
}
export type Onboarding = ReturnType<typeof createOnboarding>;

/** Job handlers of this module (called from jobs/registry.ts). */
export function registerOnboardingJobs(c: { jobs: JobQueue; onboarding: Onboarding }): void {
  c.jobs.work<BackgroundCheckCompleteJob>(BACKGROUND_CHECK_COMPLETE_JOB, async (data) => {
    await c.onboarding.backgroundChecks.complete({ checkId: data.checkId }, data.outcome, null);
  });
}
