import { describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/client';
import { createTokenSigner } from '../modules/auth/tokens';
import { createSessionCheck } from './session-check';

function fakeDatabase(row: { revoked_at: unknown; token_version: number; status: string; role: string }) {
  const query = vi.fn(async () => ({ rows: [row] }));
  return { db: { query } as unknown as Database, query, row };
}

describe('socket session check', () => {
  it('verifies a token once, but asks the database on every event (revocation is seen at once)', async () => {
    const signer = createTokenSigner('test-secret-0123456789abcdefghijklmnopqrstuvwxyz', 900);
    const verify = vi.spyOn(signer, 'verify');
    const { db, query, row } = fakeDatabase({ revoked_at: null, token_version: 0, status: 'ACTIVE', role: 'CUSTOMER' });
    const check = createSessionCheck({ tokenSigner: signer, database: db });
    const token = await signer.sign({ sub: 'u1', sid: 's1', role: 'CUSTOMER', tv: 0 });
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
      const check = createSessionCheck({ tokenSigner: signer, database: db });
      const token = await signer.sign({ sub: 'u2', sid: 's2', role: 'PROVIDER', tv: 0 });
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
    const check = createSessionCheck({ tokenSigner: signer, database: db });
    await expect(check(await other.sign({ sub: 'u3', sid: 's3', role: 'CUSTOMER', tv: 0 }))).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
    });
  });
});
