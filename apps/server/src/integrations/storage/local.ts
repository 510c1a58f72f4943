import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomToken } from '../../lib/ids';
import { assertSafeKey, type ObjectStorage } from './port';

/** Files on local disk under `<dataDir>/uploads`. Keys are validated and resolved inside that root. */
export function createLocalStorage(dataDir: string): ObjectStorage {
  const root = path.resolve(dataDir, 'uploads');
  const resolve = (key: string) => {
    assertSafeKey(key);
    const full = path.resolve(root, key);
    if (!full.startsWith(root + path.sep)) throw new Error('Invalid storage key');
    return full;
  };
  return {
    driver: 'local',
    async put(key, body) {
      const full = resolve(key);
      await mkdir(path.dirname(full), { recursive: true });
      const tmp = `${full}.${randomToken(6)}.tmp`;
      await writeFile(tmp, body, { mode: 0o600 });
      await rename(tmp, full);
    },
    async get(key) {
      try {
        return await readFile(resolve(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async delete(key) {
      await rm(resolve(key), { force: true });
    },
  };
}
