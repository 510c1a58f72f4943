import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, lazyChildLoggerFactory } from './logger';

function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      cb();
    },
  });
  return { logger: createLogger(level, stream), lines };
}

describe('per-request logger', () => {
  it('logs like a pino child: request id bound, secrets redacted', () => {
    const { logger, lines } = capture('info');
    const log = lazyChildLoggerFactory(logger, { reqId: 'req-1' }, {});
    log.info({ phone: '+919876543210', code: '123456' }, 'otp sent');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ reqId: 'req-1', msg: 'otp sent', phone: '[redacted]', code: '[redacted]' });
    expect(JSON.stringify(lines)).not.toContain('9876543210');
  });

  it("honours a route's level: below it nothing is written, at or above it is", () => {
    const { logger, lines } = capture('info');
    const log = lazyChildLoggerFactory(logger, { reqId: 'req-2' }, { level: 'warn' });
    log.info('request completed');
    expect(lines).toHaveLength(0);
    expect((log as unknown as { isLevelEnabled(l: string): boolean }).isLevelEnabled('info')).toBe(false);
    expect(log.level).toBe('warn');
    log.error({ err: new Error('boom') }, 'request failed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ reqId: 'req-2', level: 50, msg: 'request failed' });
  });

  it('inherits the root level when the route sets none, and children keep the binding', () => {
    const { logger, lines } = capture('warn');
    const log = lazyChildLoggerFactory(logger, { reqId: 'req-3' }, {});
    log.info('quiet');
    log.child({ step: 'pay' }).warn('slow');
    expect(lines).toEqual([expect.objectContaining({ reqId: 'req-3', step: 'pay', msg: 'slow' })]);
  });

  it("keeps an error's code readable (SQLSTATE, system and app codes) while any `code` field stays redacted", () => {
    const { logger, lines } = capture('info');
    const log = lazyChildLoggerFactory(logger, { reqId: 'req-4' }, {});
    const dup = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    log.error({ err: dup, body: { phone: '+919876543210', code: '482913' } }, 'insert failed');
    const line = lines[0] as { err: Record<string, unknown>; body: Record<string, unknown> };
    expect(line.err).toMatchObject({ type: 'Error', message: dup.message, errorCode: '23505', code: '[redacted]' });
    expect(line.body).toEqual({ phone: '[redacted]', code: '[redacted]' });
    expect(JSON.stringify(lines)).not.toContain('482913');
  });
});
