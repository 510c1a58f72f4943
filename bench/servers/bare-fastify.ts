import Fastify from 'fastify';
import { serveProtocol } from './protocol';

/** A bare Fastify hello-world with the same route and body as our health endpoint, logging off. */
const app = Fastify({ logger: false });
app.get('/api/health', async () => ({ status: 'ok' }));
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as { port: number };
serveProtocol(port, () => app.close());
