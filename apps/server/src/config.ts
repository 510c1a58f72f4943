import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');
const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.string().url().optional(),
  ROLES: csv.pipe(z.array(z.enum(['api', 'realtime', 'worker'])).min(1)).default(['api', 'realtime', 'worker']),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().default('./data'),
  /** Run the embedded database (PGlite) in its own worker thread, off the thread that serves requests. */
  PGLITE_WORKER: bool.default(true),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.string().url().optional(),
  SEED_DEMO_DATA: bool.default(true),
  CORS_ORIGINS: csv.default([]),
  JWT_SECRET: z.string().min(32).optional(),
  ACCESS_TOKEN_TTL_SEC: z.coerce.number().int().min(60).max(900).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  ADMIN_PHONES: csv.default(['+919000000000']),
  DEV_OUTBOX: bool.default(true),
  /** Serve the built web app (apps/web/.next) on the API's port for every non-/api path. */
  WEB_APP: bool.default(true),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1_048_576),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  SMS_PROVIDER: z.enum(['local', 'msg91', 'twilio']).default('local'),
  MSG91_AUTH_KEY: z.string().optional(),
  MSG91_TEMPLATE_ID: z.string().optional(),
  MSG91_BASE_URL: z.string().url().default('https://control.msg91.com'),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_FROM: z.string().optional(),
  TWILIO_BASE_URL: z.string().url().default('https://api.twilio.com'),
  SMS_HOURLY_BUDGET: z.coerce.number().int().min(1).default(10_000),
  UPLOAD_MAX_INPUT_PIXELS: z.coerce.number().int().min(1_000_000).default(40_000_000),
  UPLOAD_MAX_IMAGE_SIDE: z.coerce.number().int().min(256).max(8192).default(2048),
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('ap-south-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  KYC_PROVIDER: z.enum(['sandbox', 'surepass']).default('sandbox'),
  SUREPASS_BASE_URL: z.string().url().default('https://kyc-api.surepass.io'),
  SUREPASS_API_TOKEN: z.string().optional(),
  KYC_MAX_OTP_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  KYC_STARTS_PER_DAY: z.coerce.number().int().min(1).default(5),
  BACKGROUND_CHECK_PROVIDER: z.enum(['sandbox', 'agency']).default('sandbox'),
  BACKGROUND_CHECK_SANDBOX_DELAY_SEC: z.coerce.number().int().min(0).default(120),
  BACKGROUND_CHECK_SANDBOX_OUTCOME: z.enum(['PASSED', 'FAILED']).default('PASSED'),
  BACKGROUND_CHECK_AGENCY_BASE_URL: z.string().url().optional(),
  BACKGROUND_CHECK_AGENCY_API_KEY: z.string().optional(),
  BACKGROUND_CHECK_WEBHOOK_SECRET: z.string().optional(),
  MIN_NOTICE_MIN: z.coerce.number().int().min(0).default(120),
  SLOT_STEP_MIN: z.coerce.number().int().min(5).max(240).default(30),
  TRAVEL_BUFFER_BASE_MIN: z.coerce.number().int().min(0).default(15),
  TRAVEL_BUFFER_PER_KM_MIN: z.coerce.number().min(0).default(3),
  TRAVEL_BUFFER_MAX_MIN: z.coerce.number().int().min(0).default(90),
  BOOKING_RESPONSE_TIMEOUT_MIN: z.coerce.number().int().min(1).default(30),
  BOOKING_AUTO_CONFIRM_HOURS: z.coerce.number().min(0).default(24),
  MAX_PENDING_BOOKINGS_PER_CUSTOMER: z.coerce.number().int().min(1).default(3),
  START_CODE_MAX_TRIES: z.coerce.number().int().min(1).default(5),
  NO_SHOW_GRACE_MIN: z.coerce.number().int().min(0).default(30),
  DISPUTE_WINDOW_HOURS: z.coerce.number().min(0).default(48),
  PAYMENT_GATEWAY: z.enum(['sandbox', 'razorpay']).default('sandbox'),
  RAZORPAY_KEY_ID: z.string().optional(),
  RAZORPAY_KEY_SECRET: z.string().optional(),
  RAZORPAY_WEBHOOK_SECRET: z.string().optional(),
  RAZORPAY_BASE_URL: z.string().url().default('https://api.razorpay.com'),
  RAZORPAY_CHECKOUT_URL: z.string().url().default('https://checkout.razorpay.com/v1/checkout.js'),
  SANDBOX_PAYMENT_SECRET: z.string().min(16).default('sandbox-payment-secret-not-for-production'),
  PAYOUT_PROVIDER: z.enum(['sandbox', 'razorpayx']).default('sandbox'),
  RAZORPAYX_ACCOUNT_NUMBER: z.string().optional(),
  RAZORPAYX_KEY_ID: z.string().optional(),
  RAZORPAYX_KEY_SECRET: z.string().optional(),
  RAZORPAYX_WEBHOOK_SECRET: z.string().optional(),
  PAYOUT_DELAY_DAYS: z.coerce.number().int().min(0).max(30).default(2),
  GST_RATE_BPS: z.coerce.number().int().min(0).max(5000).default(1800),
  PLATFORM_GSTIN: z.string().optional(),
  PLATFORM_LEGAL_NAME: z.string().default('LocalPro Connect Pvt Ltd'),
  CHAT_MASK_CONTACTS: bool.default(true),
  CHAT_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  CHAT_EVENTS_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  SOCKET_SESSION_RECHECK_SEC: z.coerce.number().int().min(0).max(300).default(30),
  LOCATION_MIN_INTERVAL_SEC: z.coerce.number().int().min(1).default(3),
  CITY_AVG_SPEED_KMH: z.coerce.number().min(1).default(18),
  TRANSLATION_PROVIDER: z.enum(['local', 'google', 'openai']).default('local'),
  GOOGLE_TRANSLATE_API_KEY: z.string().optional(),
  GOOGLE_TRANSLATE_BASE_URL: z.string().url().default('https://translation.googleapis.com'),
  TRANSLATION_OPENAI_API_KEY: z.string().optional(),
  TRANSLATION_OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  TRANSLATION_OPENAI_BASE_URL: z.string().url().default('https://api.openai.com'),
  PUSH_PROVIDER: z.enum(['local', 'fcm']).default('local'),
  FCM_PROJECT_ID: z.string().optional(),
  FCM_SERVICE_ACCOUNT_JSON: z.string().optional(),
  FCM_BASE_URL: z.string().url().default('https://fcm.googleapis.com'),
  EMAIL_PROVIDER: z.enum(['local', 'smtp']).default('local'),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: bool.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  EMAIL_FROM: z.string().default('LocalPro Connect <no-reply@localpro.example.in>'),
  MAPS_PROVIDER: z.enum(['local', 'google', 'mapmyindia']).default('local'),
  MAPS_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3000),
  GOOGLE_MAPS_API_KEY: z.string().optional(),
  GOOGLE_MAPS_BASE_URL: z.string().url().default('https://maps.googleapis.com'),
  MAPPLS_ACCESS_TOKEN: z.string().optional(),
  MAPPLS_REST_KEY: z.string().optional(),
  MAPPLS_ATLAS_URL: z.string().url().default('https://atlas.mappls.com'),
  MAPPLS_APIS_URL: z.string().url().default('https://apis.mappls.com'),
  LLM_PROVIDER: z.enum(['none', 'openai']).default('none'),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().default('https://api.openai.com'),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(1500),
  SEARCH_DEFAULT_RADIUS_KM: z.coerce.number().min(1).max(50).default(25),
});

export type Config = Readonly<z.infer<typeof schema>> & {
  readonly isProduction: boolean;
  readonly jwtSecret: string;
};

/** Parses an environment into the one config object. Throws listing every bad key. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const isProduction = c.NODE_ENV === 'production';
  if (isProduction && !c.JWT_SECRET) {
    throw new Error('Invalid configuration:\n  - JWT_SECRET: required in production (at least 32 characters)');
  }
  return Object.freeze({
    ...c,
    isProduction,
    // Development-only fallback so `npm start` works on a fresh clone; production requires JWT_SECRET.
    jwtSecret: c.JWT_SECRET ?? 'dev-only-insecure-secret-change-me-0123456789',
  });
}

/** Config for tests: defaults plus overrides, never reading process.env beyond DATABASE_URL/REDIS_URL. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'false', ...overrides });
}
