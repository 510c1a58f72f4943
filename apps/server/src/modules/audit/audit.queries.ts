import { and, desc, eq, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { auditLog } from './audit.tables';

export interface AuditFilter {
  actorUserId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  /** Keyset: entries strictly older than this (createdAt, id). */
  before?: { at: string; id: string };
  limit: number;
}

/** Newest first; one row more than `limit` tells the caller there is another page. */
export async function listAudit(db: Executor, f: AuditFilter) {
  const conds: (SQL | undefined)[] = [
    f.actorUserId ? eq(auditLog.actorUserId, f.actorUserId) : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.objectType ? eq(auditLog.objectType, f.objectType) : undefined,
    f.objectId ? eq(auditLog.objectId, f.objectId) : undefined,
  ];
  if (f.before) {
    const at = sql`${f.before.at}::timestamptz`;
    conds.push(or(lt(auditLog.createdAt, at), and(eq(auditLog.createdAt, at), lt(auditLog.id, f.before.id))));
  }
  return db
    .select({
      row: auditLog,
      cursorAt: sql<string>`to_char(${auditLog.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(auditLog)
    .where(and(...conds))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(f.limit + 1);
}
