import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { serveProtocol } from './protocol';

/**
 * The baseline for bench/scenarios/chat.ts: bare Socket.IO on node:http with the same event shapes —
 * `room:join` joins, `message:send` acks and relays `message:created` to the room — and no auth,
 * database, translation or rate limits.
 */
const server = createServer();
const io = new Server(server, { path: '/socket.io', serveClient: false });
io.on('connection', (socket) => {
  socket.on('room:join', (p: { roomId: string }, ack: (r: object) => void) => {
    void socket.join(`chat:${p.roomId}`);
    ack({ ok: true, roomId: p.roomId, lastSeq: 0 });
  });
  let seq = 0;
  socket.on('message:send', (p: { roomId: string; clientMessageId: string; content: string }, ack: (r: object) => void) => {
    const message = {
      id: p.clientMessageId,
      roomId: p.roomId,
      seq: ++seq,
      clientMessageId: p.clientMessageId,
      content: p.content,
    };
    socket.to(`chat:${p.roomId}`).emit('message:created', message);
    ack({ ok: true, message, duplicate: false });
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  serveProtocol(port, async () => {
    await io.close();
  });
});
