// The embedded database's worker entry, except that a worker started while `<dataDir>/.hang` exists removes
// the file and never opens the database (as a worker stuck recovering its data directory would).
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { workerData } from 'node:worker_threads';

const marker = path.join(workerData.dataDir, '.hang');
if (existsSync(marker)) {
  rmSync(marker);
  setInterval(() => {}, 1000);
} else {
  await import('../../src/db/pglite-worker-entry.mjs');
}
