import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { seedLarge } from './large';
import { progressBar } from './progress';

/**
 * `npm run seed:large -- --providers 100000 [--bookings-per-provider 10] [--review-share 0.6]`
 * Benchmark-scale data on top of the demo seed, into DATA_DIR or DATABASE_URL.
 */
const { values } = parseArgs({
  options: {
    providers: { type: 'string', default: '100000' },
    'bookings-per-provider': { type: 'string', default: '10' },
    'review-share': { type: 'string', default: '0.6' },
  },
});
const providers = Number(values.providers);
const bookingsPerProvider = Number(values['bookings-per-provider']);
const reviewShare = Number(values['review-share']);
if (!Number.isInteger(providers) || providers < 1 || !Number.isInteger(bookingsPerProvider) || bookingsPerProvider < 0) {
  console.error('Usage: npm run seed:large -- --providers 100000 [--bookings-per-provider 10] [--review-share 0.6]');
  process.exit(1);
}
if (!(reviewShare >= 0 && reviewShare <= 1)) {
  console.error('--review-share must be between 0 and 1');
  process.exit(1);
}

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
const started = Date.now();
try {
  await runMigrations(database);
  const bar = progressBar(`Seeding ${providers} providers`);
  const result = await seedLarge(database, { providers, bookingsPerProvider, reviewShare, progress: bar.update });
  bar.stop();
  console.log(
    `Added ${result.providers} providers, ${result.bookings} bookings and ${result.reviews} reviews in ${((Date.now() - started) / 1000).toFixed(1)} s (${database.kind}).`,
  );
} finally {
  await database.close();
}
