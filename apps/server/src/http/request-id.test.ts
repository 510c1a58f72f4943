import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createRequestIdGenerator } from './request-id';

const req = (headers: Record<string, string> = {}) => ({ headers }) as unknown as IncomingMessage;

describe('request ids', () => {
  it('echoes a well-formed caller id and ignores malformed ones', () => {
    const next = createRequestIdGenerator('node1');
    expect(next(req({ 'x-request-id': 'edge-4f2a9c01' }))).toBe('edge-4f2a9c01');
    expect(next(req({ 'x-request-id': 'short' }))).toBe('node1-1');
    expect(next(req({ 'x-request-id': 'bad id\nwith newline' }))).toBe('node1-2');
    expect(next(req({ 'x-request-id': 'x'.repeat(65) }))).toBe('node1-3');
  });

  it('never repeats an id within a process or across processes', () => {
    const a = createRequestIdGenerator();
    const b = createRequestIdGenerator();
    const ids = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      ids.add(a(req()));
      ids.add(b(req()));
    }
    expect(ids.size).toBe(20_000);
    for (const id of ids) expect(id).toMatch(/^[\w-]{8,64}$/);
  });
});
