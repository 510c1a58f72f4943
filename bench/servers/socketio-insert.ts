import { createServer } from 'node:http';
import pg from 'pg';
import { Server } from 'socket.io';
import { serveProtocol } from './protocol';

/**
 * A second baseline for bench/scenarios/chat.ts: the bare Socket.IO relay plus the one durable write a
 * chat message needs — a single INSERT (autocommit, so one WAL flush) into PostgreSQL before the ack and
 * the relay. No auth, rate limit, seq allocation, dedupe, translation or presence. It shows how much of
 * the gap to the bare relay is the database itself. Needs DATABASE_URL.
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('socketio-insert needs DATABASE_URL');
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
await pool.query(
  'create table if not exists bench_relay_messages (id bigserial primary key, room_id text not null, client_message_id text not null, content text, created_at timestamptz not null default now())',
);
const server = createServer();
const io = new Server(server, { path: '/socket.io', serveClient: false });
io.on('connection', (socket) => {
  socket.on('room:join', (p: { roomId: string }, ack: (r: object) => void) => {
    void socket.join(`chat:${p.roomId}`);
    ack({ ok: true, roomId: p.roomId, lastSeq: 0 });
  });
  socket.on('message:send', (p: { roomId: string; clientMessageId: string; content: string }, ack: (r: object) => void) => {
    pool
      .query<{ id: string; created_at: Date }>(
        'insert into bench_relay_messages (room_id, client_message_id, content) values ($1, $2, $3) returning id, created_at',
        [p.roomId, p.clientMessageId, p.content],
      )
      .then(({ rows }) => {
        const message = { id: rows[0]!.id, roomId: p.roomId, clientMessageId: p.clientMessageId, content: p.content };
        socket.to(`chat:${p.roomId}`).emit('message:created', message);
        ack({ ok: true, message, duplicate: false });
      })
      .catch(() => ack({ ok: false }));
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  serveProtocol(port, async () => {
    await io.close();
    await pool.query('drop table if exists bench_relay_messages').catch(() => {});
    await pool.end();
  });
});
