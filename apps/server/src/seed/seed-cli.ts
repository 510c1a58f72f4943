import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { DEMO_PHONES } from './demo-data';
import { progressBar } from './progress';
import { seedDemoData } from './seed';

/** `npm run seed`: migrates and loads the demo data into an empty database (DATA_DIR or DATABASE_URL). */
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
try {
  await runMigrations(database);
  const bar = progressBar('Seeding demo data');
  const result = await seedDemoData(database, { progress: bar.update });
  bar.stop();
  if (!result.seeded) {
    console.log('The database already has a catalogue; nothing seeded. (Delete DATA_DIR or use a fresh database to reseed.)');
  } else {
    console.log(
      `Seeded ${result.providers} providers, ${result.customers} customers, ${result.bookings} bookings, ${result.reviews} reviews in ${(result.ms / 1000).toFixed(1)} s (${database.kind}).`,
    );
    console.log(`Demo accounts: admin ${DEMO_PHONES.admin}, customer ${DEMO_PHONES.customer}, provider ${DEMO_PHONES.provider}.`);
  }
} finally {
  await database.close();
}
