/**
 * Prints (or, with --write, updates in README.md) the configuration table: every key that
 * apps/server/src/config.ts reads, with its default and meaning from .env.example.
 * `--check` exits 1 when a key in config.ts is missing from .env.example or the README table.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const configSrc = readFileSync(path.join(root, 'apps/server/src/config.ts'), 'utf8');
const schemaBody = configSrc.slice(
  configSrc.indexOf('const schema = z.object({'),
  configSrc.indexOf('\n});', configSrc.indexOf('const schema')),
);
const keys = [...schemaBody.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]!);

const example = readFileSync(path.join(root, '.env.example'), 'utf8').split('\n');
const info = new Map<string, { value: string; comment: string; commentedOut: boolean }>();
let comment = '';
for (const raw of example) {
  const line = raw.trim();
  const kv = /^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
  if (kv) {
    info.set(kv[2]!, { value: kv[3]!, comment, commentedOut: Boolean(kv[1]) });
    continue;
  }
  if (line.startsWith('#')) comment = line.replace(/^#\s*/, '');
  else if (!line) comment = '';
}

/** Meanings for keys whose .env.example comment is a group heading or missing. */
const meanings: Record<string, string> = {
  NODE_ENV: '`production` turns on the strict checks (JWT_SECRET required, no dev outbox, no demo seeding)',
  HOST: 'Interface to listen on',
  PORT: 'HTTP port (API, Socket.IO, web)',
  PUBLIC_URL: 'The URL people use, printed at start and used in links (payment callbacks, emails)',
  LOG_LEVEL: 'pino level; secrets, tokens, OTPs and phone numbers are always redacted',
  DATABASE_URL: 'PostgreSQL ≥ 15 instead of the embedded PGlite; pg-boss uses the same database',
  DATABASE_POOL_SIZE: 'node-postgres pool size per process (pg-boss opens up to 4 more)',
  REDIS_URL: 'Redis for Socket.IO fan-out across nodes, rate limits, OTP throttles and presence',
  SEED_DEMO_DATA: 'Load the demo data on the first start of an empty database (never in production)',
  JWT_SECRET: 'Signs access tokens; at least 32 characters, required in production',
  ACCESS_TOKEN_TTL_SEC: 'Access JWT lifetime (≤ 900 s); refresh tokens rotate',
  REFRESH_TOKEN_TTL_DAYS: 'Refresh token lifetime',
  ADMIN_PHONES: 'Phone numbers that sign in as admins (they must also pass TOTP)',
  BODY_LIMIT_BYTES: 'Largest JSON body accepted (413 above)',
  UPLOAD_LIMIT_BYTES: 'Largest upload accepted',
  RATE_LIMIT_PER_MINUTE: 'Coarse per-IP request limit for the whole API (features add tighter ones)',
  SMS_HOURLY_BUDGET: 'Most SMS sent per hour across the platform',
};

const esc = (s: string) => s.replaceAll('|', '\\|');
const rows: string[] = ['| Variable | Default | Meaning |', '|---|---|---|'];
let lastComment = '';
const missing: string[] = [];
for (const key of keys) {
  const i = info.get(key);
  if (!i) missing.push(key);
  const def = !i || i.commentedOut || i.value === '' ? '—' : `\`${esc(i.value)}\``;
  const meaning = meanings[key] ? esc(meanings[key]) : i && i.comment !== lastComment ? esc(i.comment) : '';
  if (i) lastComment = i.comment;
  rows.push(`| \`${key}\` | ${def} | ${meaning} |`);
}
const table = rows.join('\n');

const readmePath = path.join(root, 'README.md');
const start = '<!-- config-table:start -->';
const end = '<!-- config-table:end -->';
if (process.argv.includes('--write')) {
  const readme = readFileSync(readmePath, 'utf8');
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  if (a < 0 || b < 0) throw new Error('README.md has no config-table markers');
  writeFileSync(readmePath, `${readme.slice(0, a + start.length)}\n${table}\n${readme.slice(b)}`);
  console.log(`README.md: ${keys.length} configuration keys`);
} else if (process.argv.includes('--check')) {
  const readme = readFileSync(readmePath, 'utf8');
  const notInReadme = keys.filter((k) => !readme.includes(`| \`${k}\` |`));
  if (missing.length || notInReadme.length) {
    if (missing.length) console.error(`Missing from .env.example: ${missing.join(', ')}`);
    if (notInReadme.length)
      console.error(`Missing from README.md: ${notInReadme.join(', ')} (run: npx tsx scripts/config-table.ts --write)`);
    process.exit(1);
  }
  console.log(`Configuration documented: ${keys.length} keys.`);
} else {
  console.log(table);
}
if (missing.length && !process.argv.includes('--check'))
  console.error(`Warning: missing from .env.example: ${missing.join(', ')}`);
