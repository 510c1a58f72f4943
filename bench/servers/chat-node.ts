import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/config';
import { createContainer } from '../../apps/server/src/container';
import { openDatabase } from '../../apps/server/src/db/client';
import { runMigrations } from '../../apps/server/src/db/migrate';
import { startJobs } from '../../apps/server/src/jobs/registry';
import { createLogger } from '../../apps/server/src/lib/logger';
import { attachRealtime } from '../../apps/server/src/realtime';
import { serveProtocol } from './protocol';

/**
 * One LocalPro node with the realtime role (bench/scenarios/chat.ts). With BENCH_CHAT_PAIRS=N it first
 * creates N customer–provider pairs with a chat room each and writes their tokens to BENCH_FIXTURE_FILE.
 * A second node started on the same DATABASE_URL and REDIS_URL (without BENCH_CHAT_PAIRS) shares them.
 */
const dataDir = process.env.DATABASE_URL ? null : mkdtempSync(path.join(tmpdir(), 'lp-bench-chat-'));
const config = loadConfig({
  LOG_LEVEL: 'warn',
  ROLES: 'api,realtime',
  CHAT_MESSAGES_PER_MINUTE: '10000000',
  CHAT_EVENTS_PER_MINUTE: '10000000',
  RATE_LIMIT_PER_MINUTE: '10000000',
  ...process.env,
  ...(dataDir ? { DATA_DIR: dataDir } : {}),
});
const database = await openDatabase({
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  poolSize: config.DATABASE_POOL_SIZE,
});
if (process.env.BENCH_CHAT_PAIRS) await runMigrations(database);
const c = createContainer({ config, database, logger: createLogger(config.LOG_LEVEL) });
await startJobs(c);
const app = await buildApp(c);
const rt = attachRealtime(app, c);

const pairs = Number(process.env.BENCH_CHAT_PAIRS ?? 0);
if (pairs > 0) {
  const fixtures: { roomId: string; customerToken: string; providerToken: string }[] = [];
  const tag = randomUUID().slice(0, 6);
  const prefix = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  for (let i = 0; i < pairs; i++) {
    const user = async (role: 'CUSTOMER' | 'PROVIDER', n: number) => {
      const phone = `+91${role === 'CUSTOMER' ? 8 : 9}${prefix}${String(n).padStart(6, '0')}`;
      const { rows } = await database.query<{ id: string }>(
        `insert into users (role, phone, name, preferred_language) values ($1, $2, $3, 'en') returning id`,
        [role, phone, `Bench ${role} ${tag}-${n}`],
      );
      const userId = rows[0]!.id;
      const table = role === 'CUSTOMER' ? 'customer_profiles' : 'provider_profiles';
      const profile = await database.query<{ id: string }>(`insert into ${table} (user_id) values ($1) returning id`, [userId]);
      const session = await database.query<{ id: string }>(
        `insert into sessions (user_id, family_id, refresh_token_hash, expires_at) values ($1, gen_random_uuid(), $2, now() + interval '1 day') returning id`,
        [userId, randomUUID()],
      );
      const token = await c.tokenSigner.sign({ sub: userId, sid: session.rows[0]!.id, role, tv: 0 });
      return { profileId: profile.rows[0]!.id, token };
    };
    const cu = await user('CUSTOMER', i);
    const pr = await user('PROVIDER', i);
    const room = await database.query<{ id: string }>(
      `insert into chat_rooms (customer_id, provider_id) values ($1, $2) returning id`,
      [cu.profileId, pr.profileId],
    );
    fixtures.push({ roomId: room.rows[0]!.id, customerToken: cu.token, providerToken: pr.token });
  }
  writeFileSync(process.env.BENCH_FIXTURE_FILE!, JSON.stringify(fixtures));
}

await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as { port: number };
serveProtocol(port, async () => {
  await rt.close();
  await app.close();
  await c.close();
  await database.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});
