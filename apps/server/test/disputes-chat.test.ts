import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.tables';
import { ADMIN_CHAT_ACCESS_DAYS_AFTER_RESOLUTION } from '../src/modules/disputes/dispute-rules';
import { disputeResolutions } from '../src/modules/disputes/disputes.tables';
import type { TestApp } from './app';
import { createTestApp } from './app';
import { put } from './factories/bookings';
import { createUser, type TestUser } from './factories/index';
import { createPaymentScenario } from './factories/payments';

let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
  admin = await createUser(t.c, { role: 'ADMIN' });
});
afterAll(async () => {
  await t?.close();
});

const readAs = (user: TestUser, roomId: string) =>
  t.app.inject({ method: 'GET', url: `/api/chat/rooms/${roomId}/messages`, headers: user.headers });

describe('admins read a chat only to handle a dispute (issue 9)', () => {
  it('403 before any dispute; readable with originals while disputed and for the window after; 403 after it', async () => {
    const s = await createPaymentScenario(t.c, { status: 'COMPLETED' });
    const room = await t.app.inject({
      method: 'POST',
      url: '/api/chat/rooms',
      headers: s.customer.headers,
      payload: { providerId: s.providerId },
    });
    const roomId = room.json().id as string;
    await t.c.chat.sendMessage(await t.c.resolveActor(s.customer.token), {
      roomId,
      clientMessageId: 'c-1',
      type: 'TEXT',
      content: 'Pay me back on upi ramesh@okaxis',
    });

    const before = await readAs(admin, roomId);
    expect(before.statusCode).toBe(403);
    expect(before.json().error.code).toBe('ADMIN_CHAT_NO_DISPUTE');
    // The participants are unaffected.
    expect((await readAs(s.customer, roomId)).statusCode).toBe(200);

    expect((await put(t.app, s.customer, s.booking.id, 'dispute', { reason: 'Never came back to finish' })).statusCode).toBe(200);
    const during = await readAs(admin, roomId);
    expect(during.statusCode).toBe(200);
    expect(during.json().items[0]).toMatchObject({ originalContent: 'Pay me back on upi ramesh@okaxis', masked: false });
    const audits = await t.c.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'chat.room.access'), eq(auditLog.objectId, roomId)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actorUserId).toBe(admin.id);

    // An admin without the second factor never gets in.
    const no2fa = await createUser(t.c, { role: 'ADMIN', secondFactor: false });
    expect((await readAs(no2fa, roomId)).statusCode).toBe(403);
    // Nor does a stranger (the room does not exist for them).
    expect((await readAs(await createUser(t.c, { role: 'CUSTOMER' }), roomId)).statusCode).toBe(404);

    const resolved = await t.app.inject({
      method: 'POST',
      url: `/api/admin/disputes/${s.booking.id}/resolve`,
      headers: admin.headers,
      payload: { resolution: 'NO_ACTION', note: 'Provider showed photos of the finished job' },
    });
    expect(resolved.statusCode).toBe(200);
    expect((await readAs(admin, roomId)).statusCode).toBe(200);

    const longAgo = new Date(Date.now() - (ADMIN_CHAT_ACCESS_DAYS_AFTER_RESOLUTION + 1) * 86_400_000);
    await t.c.db.update(disputeResolutions).set({ createdAt: longAgo }).where(eq(disputeResolutions.bookingId, s.booking.id));
    const after = await readAs(admin, roomId);
    expect(after.statusCode).toBe(403);
    expect(after.json().error.code).toBe('ADMIN_CHAT_NO_DISPUTE');
  });
});
