import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { count } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/app';
import { testConfig } from '../src/config';
import { createContainer } from '../src/container';
import { createPostgres, type Database, pgliteExtensions, wrapPglite } from '../src/db/client';
import { createLogger } from '../src/lib/logger';
import { users } from '../src/modules/users/users.tables';
import { createTestDatabase } from './database';

/**
 * The database goes away while the server runs, then comes back. On PostgreSQL the app talks to it
 * through a TCP relay that we cut (connections reset, new ones refused) and restore; on PGlite the
 * embedded database is really closed and reopened from its data directory.
 */
interface Outage {
  database: Database;
  down(): Promise<void>;
  up(): Promise<void>;
  cleanup(): Promise<void>;
}

async function postgresOutage(): Promise<Outage> {
  const real = await createTestDatabase();
  const target = new URL(real.url!);
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  const listen = (port = 0) =>
    new Promise<number>((resolve) => relay.listen(port, '127.0.0.1', () => resolve((relay.address() as net.AddressInfo).port)));
  const port = await listen();
  const viaRelay = new URL(real.url!);
  viaRelay.hostname = '127.0.0.1';
  viaRelay.port = String(port);
  const database = createPostgres(viaRelay.toString(), 4);
  return {
    database,
    async down() {
      await new Promise<void>((resolve) => {
        relay.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
    async up() {
      await listen(port);
    },
    async cleanup() {
      await database.close().catch(() => {});
      relay.close();
      await real.close();
    },
  };
}

async function pgliteOutage(): Promise<Outage> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lp-outage-'));
  const dataDir = path.join(dir, 'pg');
  const template = new Blob([readFileSync(inject('pgliteTemplate')!)]);
  let current = await PGlite.create({ dataDir, loadDataDir: template, extensions: pgliteExtensions });
  // The app holds this handle; it always forwards to whichever instance is open now.
  const handle = new Proxy(current, {
    get(_t, prop) {
      const v = Reflect.get(current, prop, current) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(current) : v;
    },
  });
  const database = wrapPglite(handle);
  return {
    database,
    async down() {
      await current.close();
    },
    async up() {
      current = await PGlite.create({ dataDir, extensions: pgliteExtensions });
    },
    async cleanup() {
      await current.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let outage: Outage;
let app: FastifyInstance;

beforeAll(async () => {
  outage = process.env.DATABASE_URL ? await postgresOutage() : await pgliteOutage();
  const c = createContainer({ config: testConfig({ ROLES: 'api' }), database: outage.database, logger: createLogger('silent') });
  app = await buildApp(c);
  // A plain read with no error handling of its own: what every feature route does.
  app.get('/api/test/users-count', async () => {
    const [row] = await c.db.select({ n: count() }).from(users);
    return { users: row!.n };
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await outage?.cleanup();
});

describe(`database outage while running (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('answers 503 SERVICE_UNAVAILABLE with the error shape while the database is down, and recovers when it returns', async () => {
    expect((await app.inject({ url: '/api/test/users-count' })).statusCode).toBe(200);

    await outage.down();
    for (let i = 0; i < 3; i++) {
      const res = await app.inject({ url: '/api/test/users-count' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ error: { code: 'SERVICE_UNAVAILABLE', message: expect.any(String) } });
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.body).not.toMatch(/ECONN|stack|select|\.ts:\d+/i);
    }
    expect((await app.inject({ url: '/api/ready' })).statusCode).toBe(503);
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);

    await outage.up();
    const after = await app.inject({ url: '/api/test/users-count' });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual({ users: expect.any(Number) });
    expect((await app.inject({ url: '/api/ready' })).statusCode).toBe(200);
  });
});
