import type { Db } from '../../db/client';
import type { Actor } from '../../http/auth';
import { AppError, businessRule, conflict, forbidden, notFound } from '../../lib/errors';
import type { EventBus } from '../../lib/events';
import { recordAudit } from '../audit/audit.repository';
import * as authRepo from '../auth/auth.repository';
import * as repo from './users.repository';

const MAX_ADDRESSES = 20;

function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (e.code === '23505') return true;
  }
  return false;
}

const addressView = (a: repo.AddressRow) => ({
  id: a.id,
  label: a.label,
  addressText: a.addressText,
  landmark: a.landmark,
  pincode: a.pincode,
  lat: a.lat,
  lng: a.lng,
  isDefault: a.isDefault,
  createdAt: a.createdAt.toISOString(),
});

const adminUserView = (u: repo.UserRow) => ({
  id: u.id,
  role: u.role,
  phone: u.phone,
  name: u.name,
  email: u.email,
  status: u.status,
  statusReason: u.statusReason,
  createdAt: u.createdAt.toISOString(),
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
});

function encodeCursor(u: repo.UserRow): string {
  return Buffer.from(JSON.stringify({ c: u.createdAt.toISOString(), i: u.id })).toString('base64url');
}
function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { c: string; i: string };
    const createdAt = new Date(v.c);
    if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(v.i)) throw new Error('cursor');
    return { createdAt, id: v.i };
  } catch {
    throw new AppError('BAD_REQUEST', 'The cursor is not valid');
  }
}

/** The caller's own account and addresses, and admin user management (role, status, search). */
export function createUsersService(deps: { db: Db; events: EventBus }) {
  const { db, events } = deps;

  function customerOf(actor: Actor): string {
    if (!actor.customerId) throw forbidden('Only customers have saved addresses');
    return actor.customerId;
  }

  async function meView(userId: string) {
    const row = await repo.findUserWithProfiles(db, userId);
    if (!row) throw notFound('User');
    const u = row.user;
    return {
      user: {
        id: u.id,
        role: u.role,
        phone: u.phone,
        name: u.name,
        email: u.email,
        profilePhoto: u.profilePhoto,
        preferredLanguage: u.preferredLanguage,
        customerId: row.customerId,
        providerId: row.providerId,
        createdAt: u.createdAt.toISOString(),
      },
    };
  }

  return {
    getMe: (actor: Actor) => meView(actor.userId),

    async updateMe(
      actor: Actor,
      patch: { name?: string; email?: string | null; profilePhoto?: string | null; preferredLanguage?: 'en' | 'hi' },
    ) {
      const emailTaken = () => conflict('EMAIL_TAKEN', 'This email is already used by another account');
      if (patch.email) {
        const other = await repo.findUserByEmail(db, patch.email);
        if (other && other.id !== actor.userId) throw emailTaken();
      }
      try {
        await repo.updateUser(db, actor.userId, patch);
      } catch (err) {
        if (isUniqueViolation(err)) throw emailTaken();
        throw err;
      }
      return meView(actor.userId);
    },

    async listAddresses(actor: Actor) {
      return { items: (await repo.listAddresses(db, customerOf(actor))).map(addressView) };
    },

    async createAddress(
      actor: Actor,
      body: {
        label: string;
        addressText: string;
        landmark?: string | null;
        pincode: string;
        lat: number;
        lng: number;
        isDefault?: boolean;
      },
    ) {
      const customerId = customerOf(actor);
      const row = await db.transaction(async (tx) => {
        await repo.lockCustomer(tx, customerId);
        const count = await repo.countAddresses(tx, customerId);
        if (count >= MAX_ADDRESSES) throw businessRule('ADDRESS_LIMIT', `You can save up to ${MAX_ADDRESSES} addresses`);
        const isDefault = count === 0 || body.isDefault === true;
        if (isDefault) await repo.clearDefaultAddress(tx, customerId);
        return repo.insertAddress(tx, { ...body, landmark: body.landmark ?? null, customerId, isDefault });
      });
      return addressView(row);
    },

    async updateAddress(
      actor: Actor,
      id: string,
      body: Partial<{
        label: string;
        addressText: string;
        landmark: string | null;
        pincode: string;
        lat: number;
        lng: number;
        isDefault: boolean;
      }>,
    ) {
      const customerId = customerOf(actor);
      const row = await db.transaction(async (tx) => {
        await repo.lockCustomer(tx, customerId);
        const current = await repo.findAddress(tx, customerId, id);
        if (!current) throw notFound('Address');
        if (body.isDefault === false && current.isDefault) {
          throw businessRule('DEFAULT_ADDRESS_REQUIRED', 'Make another address the default first');
        }
        if (body.isDefault === true && !current.isDefault) await repo.clearDefaultAddress(tx, customerId);
        return repo.updateAddress(tx, customerId, id, body);
      });
      return addressView(row!);
    },

    async deleteAddress(actor: Actor, id: string): Promise<void> {
      const customerId = customerOf(actor);
      await db.transaction(async (tx) => {
        await repo.lockCustomer(tx, customerId);
        const removed = await repo.deleteAddress(tx, customerId, id);
        if (!removed) throw notFound('Address');
        if (removed.isDefault) await repo.promoteNewestAddress(tx, customerId);
      });
    },

    async searchUsers(q: { q?: string; role?: repo.Role; status?: repo.UserStatus; cursor?: string; limit: number }) {
      const rows = await repo.searchUsers(db, {
        q: q.q || undefined,
        role: q.role,
        status: q.status,
        after: q.cursor ? decodeCursor(q.cursor) : undefined,
        limit: q.limit,
      });
      const page = rows.slice(0, q.limit);
      return { items: page.map(adminUserView), nextCursor: rows.length > q.limit ? encodeCursor(page.at(-1)!) : null };
    },

    /** Changes a user's role; their tokens stop working at once and they sign in again. Audited. */
    async setRole(admin: Actor, userId: string, role: repo.Role, reason: string | undefined, ip: string | null) {
      if (userId === admin.userId) throw businessRule('CANNOT_CHANGE_OWN_ROLE', 'Ask another admin to change your role');
      let changed = false;
      const updated = await db.transaction(async (tx) => {
        const user = await repo.lockUser(tx, userId);
        if (!user) throw notFound('User');
        if (user.role === role) return user;
        changed = true;
        const next = await repo.bumpTokenVersion(tx, userId, { role });
        await repo.ensureProfile(tx, userId, role);
        await authRepo.revokeAllSessions(tx, userId, 'ROLE_CHANGED', new Date());
        await recordAudit(tx, {
          actorUserId: admin.userId,
          action: 'USER_ROLE_CHANGED',
          objectType: 'user',
          objectId: userId,
          before: { role: user.role },
          after: { role },
          reason: reason ?? null,
          ip,
        });
        return next!;
      });
      if (changed) events.emit('auth.sessions-ended', { userId, sessionIds: null, code: 'SESSION_REVOKED' });
      return adminUserView(updated);
    },

    /** Suspends, bans or reinstates a user; suspension and bans end every session at once. Audited. */
    async setStatus(admin: Actor, userId: string, status: repo.UserStatus, reason: string, ip: string | null) {
      if (userId === admin.userId) throw businessRule('CANNOT_CHANGE_OWN_STATUS', 'Ask another admin to change your account');
      let ended = false;
      const updated = await db.transaction(async (tx) => {
        const user = await repo.lockUser(tx, userId);
        if (!user) throw notFound('User');
        if (user.status === status) return user;
        ended = status !== 'ACTIVE';
        const next =
          status === 'ACTIVE'
            ? await repo.updateUser(tx, userId, { status, statusReason: null })
            : await repo.bumpTokenVersion(tx, userId, { status, statusReason: reason });
        if (status !== 'ACTIVE') await authRepo.revokeAllSessions(tx, userId, `USER_${status}`, new Date());
        await recordAudit(tx, {
          actorUserId: admin.userId,
          action: status === 'ACTIVE' ? 'USER_REINSTATED' : status === 'BANNED' ? 'USER_BANNED' : 'USER_SUSPENDED',
          objectType: 'user',
          objectId: userId,
          before: { status: user.status },
          after: { status },
          reason,
          ip,
        });
        return next!;
      });
      if (ended) events.emit('auth.sessions-ended', { userId, sessionIds: null, code: 'USER_BANNED' });
      return adminUserView(updated);
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
