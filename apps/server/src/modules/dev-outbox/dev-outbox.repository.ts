import { desc, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { devOutbox } from '../notifications/notifications.tables';

export type OutboxChannel = 'sms' | 'email' | 'push';

/** What the local adapters "sent". Used by local SMS/email/push adapters; read by GET /api/dev/outbox. */
export async function recordOutbox(
  db: Executor,
  entry: { channel: OutboxChannel; to: string; body: string; subject?: string | null },
): Promise<void> {
  await db.insert(devOutbox).values({ channel: entry.channel, to: entry.to, body: entry.body, subject: entry.subject ?? null });
}

export async function listOutbox(db: Executor, to: string, limit = 50) {
  return db
    .select({
      channel: devOutbox.channel,
      to: devOutbox.to,
      subject: devOutbox.subject,
      body: devOutbox.body,
      createdAt: devOutbox.createdAt,
    })
    .from(devOutbox)
    .where(sql`lower(${devOutbox.to}) = ${to.toLowerCase()}`)
    .orderBy(desc(devOutbox.createdAt), desc(devOutbox.id))
    .limit(limit);
}
