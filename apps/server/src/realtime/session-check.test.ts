import { describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/client';
import { createTokenSigner } from '../modules/auth/tokens';
import { createSessionCheck } from './session-check';

type Row = { revoked_at: unknown; token_version: number; status: string; role: string };
const SID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** sessions ⋈ users as the check reads them: session SID(n) belongs to user `u<n>`. */
function fakeDatabase(row: Row, rowsBySession: Map<string, Row> = new Map()) {
  const query = vi.fn(async (_sql: string, params: unknown[]) => ({
    rows: (params[0] as string[]).map((id) => ({ id, user_id: `u${Number(id.slice(-12))}`, ...(rowsBySession.get(id) ?? row) })),
  }));
  return { db: { query } as unknown as Database, query, row };
}

describe('socket session check', () => {
  it('asks the database at most once per re-check window, then again (a row changed by hand is seen within it)', async () => {
    let clock = 1_000_000;
    const signer = createTokenSigner('test-secret-0123456789abcdefghijklmnopqrstuvwxyz', 900);
    const { db, query, row } = fakeDatabase({ revoked_at: null, token_version: 0, status: 'ACTIVE', role: 'CUSTOMER' });
    const check = createSessionCheck({ tokenSigner: signer, database: db, recheckMs: 30_000, now: () => clock });
    const token = await signer.sign({ sub: 'u1', sid: SID(1), role: 'CUSTOMER', tv: 0 });
    await check(token);
    row.revoked_at = new Date();
    clock += 29_999;
    await check(token); // still within the window: no lookup
    expect(query).toHaveBeenCalledTimes(1);
    clock += 1;
    await expect(check(token)).rejects.toMatchObject({ code: 'SESSION_REVOKED' });
    await expect(check(token)).rejects.toMatchObject({ code: 'SESSION_REVOKED' }); // a refusal is not remembered as a pass
    expect(query).toHaveBeenCalledTimes(3);
    // Another token of the same session is checked on its own.
    row.revoked_at = null;
    const other = await createTokenSigner('test-secret-0123456789abcdefghijklmnopqrstuvwxyz', 600).sign({
      sub: 'u1',
      sid: SID(1),
      role: 'CUSTOMER',
      tv: 0,
    });
    await check(other);
    expect(query).toHaveBeenCalledTimes(4);
  });

  it('with a window of 0, verifies a token once, but asks the database on every event', async () => {
    const signer = createTokenSigner('test-secret-0123456789abcdefghijklmnopqrstuvwxyz', 900);
    const verify = vi.spyOn(signer, 'verify');
    const { db, query, row } = fakeDatabase({ revoked_at: null, token_version: 0, status: 'ACTIVE', role: 'CUSTOMER' });
    const check = createSessionCheck({ tokenSigner: signer, database: db, recheckMs: 0 });
    const token = await signer.sign({ sub: 'u1', sid: SID(1), role: 'CUSTOMER', tv: 0 });
    await check(token);
    await check(token);
    expect(verify).toHaveBeenCalledTimes(1);
    expect(query).toHaveBeenCalledTimes(2);
    row.revoked_at = new Date();
    await expect(check(token)).rejects.toMatchObject({ code: 'SESSION_REVOKED' });
  });

  it('refuses a token that expired after it was first verified', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const signer = createTokenSigner('test-secret-0123456789abcdefghijklmnopqrstuvwxyz', 60);
      const { db } = fakeDatabase({ revoked_at: null, token_version: 0, status: 'ACTIVE', role: 'PROVIDER' });
      const check = createSessionCheck({ tokenSigner: signer, database: db, recheckMs: 0 });
      const token = await signer.sign({ sub: 'u2', sid: SID(2), role: 'PROVIDER', tv: 0 });
      await check(token);
      vi.setSystemTime(Date.now() + 61_000);
      await expect(check(token)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('still refuses a forged token', async () => {
    const signer = createTokenSigner('test-secret-0123456789abcdefghijklmnopqrstuvwxyz', 900);
    const other = createTokenSigner('another-secret-0123456789abcdefghijklmnopqrstuv', 900);
    const { db } = fakeDatabase({ revoked_at: null, token_version: 0, status: 'ACTIVE', role: 'CUSTOMER' });
    const check = createSessionCheck({ tokenSigner: signer, database: db, recheckMs: 0 });
    await expect(check(await other.sign({ sub: 'u3', sid: SID(3), role: 'CUSTOMER', tv: 0 }))).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
    });
  });

  it('batches the lookups of many sockets into one query per round trip; each event gets its own verdict', async () => {
    const signer = createTokenSigner('test-secret-0123456789abcdefghijklmnopqrstuvwxyz', 900);
    const revoked = new Map<string, Row>([
      [SID(7), { revoked_at: new Date(), token_version: 0, status: 'ACTIVE', role: 'CUSTOMER' }],
    ]);
    const { db, query } = fakeDatabase({ revoked_at: null, token_version: 0, status: 'ACTIVE', role: 'CUSTOMER' }, revoked);
    const check = createSessionCheck({ tokenSigner: signer, database: db, recheckMs: 0 });
    const tokens = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signer.sign({ sub: `u${i}`, sid: SID(i), role: 'CUSTOMER', tv: 0 })),
    );
    await Promise.all(tokens.map((t) => check(t).catch(() => {}))); // each token verified once, before the burst
    query.mockClear();
    // Two events per socket, all at once: one query for the first arrival, one shared by everything queued behind it.
    const verdicts = await Promise.allSettled([...tokens, ...tokens].map((t) => check(t)));
    expect(query.mock.calls.length).toBeLessThanOrEqual(2);
    const refused = verdicts.flatMap((v, i) =>
      v.status === 'rejected' ? [{ i: i % 50, code: (v.reason as { code: string }).code }] : [],
    );
    expect(refused).toEqual([
      { i: 7, code: 'SESSION_REVOKED' },
      { i: 7, code: 'SESSION_REVOKED' },
    ]);
  });

  it('refuses a token whose session belongs to someone else, and an event after a failed lookup is looked up again', async () => {
    const signer = createTokenSigner('test-secret-0123456789abcdefghijklmnopqrstuvwxyz', 900);
    const { db, query } = fakeDatabase({ revoked_at: null, token_version: 0, status: 'ACTIVE', role: 'CUSTOMER' });
    const check = createSessionCheck({ tokenSigner: signer, database: db, recheckMs: 0 });
    await expect(check(await signer.sign({ sub: 'u9', sid: SID(4), role: 'CUSTOMER', tv: 0 }))).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
    });
    const token = await signer.sign({ sub: 'u5', sid: SID(5), role: 'CUSTOMER', tv: 0 });
    query.mockRejectedValueOnce(Object.assign(new Error('connection terminated'), { code: '57P01' }));
    await expect(check(token)).rejects.toThrow('connection terminated');
    await expect(check(token)).resolves.toBeUndefined();
  });
});
