import type { Executor } from '../../db/client';
import type { Actor } from '../../http/auth';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit/audit.repository';
import { ADMIN_CHAT_ACCESS_DAYS_AFTER_RESOLUTION, adminMayReadChat } from './dispute-rules';
import { pairDisputeState } from './disputes.repository';

/**
 * Admins see a pair's chat only to handle a dispute (issue 9): while one of the pair's bookings is
 * DISPUTED, or within ADMIN_CHAT_ACCESS_DAYS_AFTER_RESOLUTION days of the last resolution. Every
 * granted access is audited; otherwise 403 ADMIN_CHAT_NO_DISPUTE.
 */
export async function assertAdminChatAccess<R extends { id: string; customerId: string; providerId: string }>(
  db: Executor,
  actor: Actor,
  room: R,
  now = new Date(),
): Promise<R> {
  const since = new Date(now.getTime() - ADMIN_CHAT_ACCESS_DAYS_AFTER_RESOLUTION * 86_400_000);
  const state = await pairDisputeState(db, room.customerId, room.providerId, since);
  if (!adminMayReadChat({ ...state, now })) {
    throw new AppError(
      'ADMIN_CHAT_NO_DISPUTE',
      'Admins can open a chat only while the pair has a dispute (or shortly after it was resolved)',
      {
        status: 403,
      },
    );
  }
  await recordAudit(db, {
    actorUserId: actor.userId,
    action: 'chat.room.access',
    objectType: 'chat_room',
    objectId: room.id,
    after: { openDispute: state.openDispute, lastResolvedAt: state.lastResolvedAt?.toISOString() ?? null },
  });
  return room;
}
