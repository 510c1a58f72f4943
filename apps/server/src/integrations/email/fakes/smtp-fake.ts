import type { AddressInfo } from 'node:net';
import { createServer, type Socket } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
  auth: string | null;
}

/**
 * A minimal SMTP server (RFC 5321) on 127.0.0.1: EHLO with AUTH PLAIN/LOGIN, MAIL FROM, RCPT TO, DATA
 * (dot-terminated, dot-unstuffed), RSET, NOOP, QUIT. No STARTTLS, so clients talk plain text.
 */
export async function startSmtpFake(opts: { user?: string; pass?: string } = {}) {
  const received: ReceivedMail[] = [];
  const server = createServer((socket: Socket) => {
    let buffer = '';
    let inData = false;
    let loginStep: 'user' | 'pass' | null = null;
    let loginUser = '';
    let current: ReceivedMail = { from: '', to: [], data: '', auth: null };
    let auth: string | null = null;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    const checkAuth = (user: string, pass: string) => {
      if (opts.user && (user !== opts.user || pass !== opts.pass)) return reply('535 5.7.8 Authentication credentials invalid');
      auth = user;
      reply('235 2.7.0 Authentication successful');
    };
    reply('220 fake.smtp.local ESMTP ready');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          current.data = buffer.slice(0, end).replace(/^\.\./gm, '.');
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push({ ...current, auth });
          current = { from: '', to: [], data: '', auth: null };
          reply(`250 2.0.0 Ok: queued as FAKE${received.length}`);
          continue;
        }
        const nl = buffer.indexOf('\r\n');
        if (nl === -1) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        if (loginStep === 'user') {
          loginUser = Buffer.from(line, 'base64').toString();
          loginStep = 'pass';
          reply('334 UGFzc3dvcmQ6');
          continue;
        }
        if (loginStep === 'pass') {
          loginStep = null;
          checkAuth(loginUser, Buffer.from(line, 'base64').toString());
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO' || cmd === 'HELO')
          reply('250-fake.smtp.local\r\n250-AUTH PLAIN LOGIN\r\n250-8BITMIME\r\n250 SMTPUTF8');
        else if (line.toUpperCase().startsWith('AUTH PLAIN')) {
          const parts = Buffer.from(line.split(' ')[2] ?? '', 'base64')
            .toString()
            .split('\u0000');
          checkAuth(parts[1] ?? '', parts[2] ?? '');
        } else if (line.toUpperCase().startsWith('AUTH LOGIN')) {
          loginStep = 'user';
          reply('334 VXNlcm5hbWU6');
        } else if (cmd === 'MAIL') {
          if (opts.user && !auth) reply('530 5.7.0 Authentication required');
          else {
            current.from = /<([^>]*)>/.exec(line)?.[1] ?? '';
            reply('250 2.1.0 Ok');
          }
        } else if (cmd === 'RCPT') {
          current.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          reply('250 2.1.5 Ok');
        } else if (cmd === 'DATA') {
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (cmd === 'RSET') {
          current = { from: '', to: [], data: '', auth: null };
          reply('250 2.0.0 Ok');
        } else if (cmd === 'NOOP') reply('250 2.0.0 Ok');
        else if (cmd === 'QUIT') {
          reply('221 2.0.0 Bye');
          socket.end();
        } else reply('502 5.5.2 Command not recognized');
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}
