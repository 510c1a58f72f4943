import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

/** apps/web, next to this app. */
export const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');

interface NextServer {
  prepare(): Promise<void>;
  getRequestHandler(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  close(): Promise<void>;
}
type CreateNextServer = (opts: { dev: boolean; dir: string; quiet?: boolean }) => NextServer;

export const webBuildExists = (dir = WEB_DIR) => existsSync(join(dir, '.next', 'BUILD_ID'));

/**
 * Serves the Next.js web app (a pure client of the API) on the API's own port: every GET/HEAD that is
 * not /api/* (and not /socket.io, which Socket.IO answers before Fastify) goes to Next's request
 * handler. Registered from main.ts only, so tests' buildApp stays API-only. Returns false (and serves
 * nothing) when there is no production build in apps/web/.next.
 */
export async function attachWeb(app: FastifyInstance, dir = WEB_DIR): Promise<boolean> {
  if (!webBuildExists(dir)) return false;
  // Resolve Next from the web app's own dependencies.
  const createNext = createRequire(join(dir, 'package.json'))('next') as CreateNextServer;
  const nodeEnv = process.env.NODE_ENV;
  const web = createNext({ dev: false, dir, quiet: true });
  await web.prepare();
  // Next sets NODE_ENV=production when it is unset; put back what the process was started with.
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
  const handle = web.getRequestHandler();

  app.route({
    method: ['GET', 'HEAD'],
    url: '/*',
    schema: { hide: true },
    handler: async (req, reply) => {
      if (req.url.startsWith('/api/') || req.url === '/api' || req.url.startsWith('/socket.io')) return reply.callNotFound();
      // Keep the headers the hooks set (request id, security headers) on Next's response.
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined) reply.raw.setHeader(name, value);
      }
      reply.hijack();
      await handle(req.raw, reply.raw);
    },
  });
  app.addHook('onClose', async () => {
    await web.close();
  });
  return true;
}
