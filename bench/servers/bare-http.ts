import http from 'node:http';
import { serveProtocol } from './protocol';

/** The floor: node:http answering the same JSON body as our health endpoint. */
const body = JSON.stringify({ status: 'ok' });
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  serveProtocol(port, () => new Promise((resolve) => server.close(() => resolve())));
});
