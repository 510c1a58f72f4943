// Run by the root `npm start`: builds the web app (next build) when apps/web/.next is missing or older
// than any of its sources (or the shared contracts), so a fresh clone starts with one command.
// Skipped when WEB_APP=false. Exits non-zero when the build fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(webDir, '..', '..');
const off = /^(false|0|no)$/i.test(process.env.WEB_APP ?? '');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const sources = ['src', 'public', 'next.config.ts', 'package.json', 'tsconfig.json'].map((p) => join(webDir, p));
sources.push(join(root, 'packages', 'contracts', 'src'));
// Written only after a build that this script saw succeed (Next writes BUILD_ID before a build can still fail).
const marker = join(webDir, '.next', 'localpro-build-ok');

if (!off) {
  const builtAt = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  const changedAt = Math.max(...sources.map(newestMtime));
  if (builtAt < changedAt) {
    console.log(builtAt === 0 ? 'Building the web app (first start)…' : 'Web app sources changed: rebuilding…');
    const started = Date.now();
    const r = spawnSync('npm', ['run', 'build', '-w', '@localpro/web'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      // next build needs NODE_ENV=production (a development value breaks prerendering), whatever the server runs with.
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (r.status !== 0) {
      console.error('Cannot start: the web app build failed (see above). Set WEB_APP=false to serve only the API.');
      process.exit(r.status ?? 1);
    }
    writeFileSync(marker, `${new Date().toISOString()}\n`);
    console.log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
}
