/**
 * Provider profile use cases: the provider's own profile, submission and admin review, the public profile.
 *
 * Re-review policy (decided here): no edit takes an APPROVED provider offline — customers keep finding
 * and booking them. Edits to the fields customers judge a provider by (business name, description,
 * category, services) while APPROVED are written to the audit log with before/after as
 * `provider.live_profile_changed`, so admins can review them after the fact and suspend if needed.
 * Edits while REJECTED stay REJECTED until the provider submits again; edits while PENDING_REVIEW are
 * allowed and are what the admin reviews.
 */
import type { MyProviderProfile, PublicProviderProfile, UpdateProviderProfileBody } from '@localpro/contracts';
import { and, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/auth';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { EventBus } from '../../lib/events';
import { istDate } from '../../lib/time';
import { recordAudit } from '../audit/audit.repository';
import type { DocumentsRepository } from '../documents/documents.repository';
import type { Notifier } from '../notifications/notify';
import { updateUser } from '../users/users.repository';
import { users } from '../users/users.tables';
import {
  ageOn,
  isInsideIndia,
  isValidGstin,
  isValidVpa,
  pricingIssues,
  type RuleIssue,
  timeOffIssues,
  workingHoursIssues,
} from './profile-rules';
import { decideTransition, type ProviderAction } from './provider-status';
import type { ProviderPatch, ProviderRow, ProvidersRepository } from './providers.repository';
import { badgesOf, checklistOf, documentView, iso, myProfileView } from './providers.view';

const KEY_FIELDS = ['businessName', 'description', 'categoryId', 'subCategoryIds'] as const;

const invalid = (details: RuleIssue[]) => new AppError('VALIDATION_FAILED', 'The request is not valid', { details });

export interface ProvidersServiceDeps {
  db: Db;
  repo: ProvidersRepository;
  documents: DocumentsRepository;
  notifier: Notifier;
  events: EventBus;
  now?: () => Date;
}

export function createProvidersService(deps: ProvidersServiceDeps) {
  const { db, repo } = deps;
  const now = deps.now ?? (() => new Date());
  const isAdmin = (a: Actor | null) => a?.role === 'ADMIN' && a.secondFactor;

  /** The caller's profile row, creating the DRAFT for a provider who has none yet. */
  async function ownRow(actor: Actor) {
    if (actor.role !== 'PROVIDER') throw forbidden('This is for service providers');
    let row = await repo.findByUserId(db, actor.userId);
    if (!row) {
      await repo.insertDraft(db, actor.userId);
      row = await repo.findByUserId(db, actor.userId);
    }
    if (!row) throw notFound('Provider profile');
    return row;
  }

  async function getMyProfile(actor: Actor): Promise<MyProviderProfile> {
    const row = await ownRow(actor);
    return myProfileView(row, await deps.documents.listForProvider(db, row.profile.id));
  }

  async function validatePatch(current: ProviderRow, body: UpdateProviderProfileBody, patch: ProviderPatch) {
    const issues: RuleIssue[] = [];
    const categoryId = body.categoryId ?? current.categoryId;
    const categoryChanged = body.categoryId !== undefined && body.categoryId !== current.categoryId;
    if (body.categoryId !== undefined) {
      const cat = await repo.findCategory(db, body.categoryId);
      if (!cat?.isActive) issues.push({ path: 'categoryId', message: 'Choose an active category' });
      patch.categoryId = body.categoryId;
      if (categoryChanged && body.subCategoryIds === undefined) {
        issues.push({ path: 'subCategoryIds', message: 'Choose services of the new category' });
      }
    }
    let offered = current.subCategoryIds;
    if (body.subCategoryIds !== undefined) {
      const ids = [...new Set(body.subCategoryIds)];
      if (!categoryId) issues.push({ path: 'categoryId', message: 'Choose a category first' });
      const subs = await repo.listSubCategories(db, ids);
      for (const id of ids) {
        const s = subs.find((x) => x.id === id);
        if (!s?.isActive || s.categoryId !== categoryId) {
          issues.push({ path: 'subCategoryIds', message: 'Every service must be an active service of your category' });
          break;
        }
      }
      offered = ids;
      patch.subCategoryIds = ids;
    }
    if (body.pricing !== undefined) {
      issues.push(...pricingIssues(body.pricing, offered));
      patch.pricing = body.pricing;
    } else if (body.subCategoryIds !== undefined) {
      patch.pricing = current.pricing.filter((p) => offered.includes(p.subCategoryId));
    }
    if (body.baseLocation) {
      if (!isInsideIndia(body.baseLocation.lat, body.baseLocation.lng)) {
        issues.push({ path: 'baseLocation', message: 'The location must be in India' });
      }
      patch.baseLat = body.baseLocation.lat;
      patch.baseLng = body.baseLocation.lng;
    }
    if (body.serviceAreas) {
      patch.serviceAreas = {
        radiusKm: body.serviceAreas.radiusKm,
        localities: body.serviceAreas.localities,
        pincodes: [...new Set(body.serviceAreas.pincodes)],
      };
      patch.serviceRadiusKm = body.serviceAreas.radiusKm;
    }
    if (body.workingHours) {
      issues.push(...workingHoursIssues(body.workingHours));
      patch.workingHours = body.workingHours;
    }
    if (body.timeOff) {
      issues.push(...timeOffIssues(body.timeOff, now()));
      patch.timeOff = body.timeOff;
    }
    if (body.upiId !== undefined) {
      if (body.upiId !== null && !isValidVpa(body.upiId))
        issues.push({ path: 'upiId', message: 'Enter a UPI id like name@bank' });
      patch.upiId = body.upiId;
    }
    if (body.gstin !== undefined) {
      if (body.gstin !== null && !isValidGstin(body.gstin)) issues.push({ path: 'gstin', message: 'Not a valid GSTIN' });
      patch.gstin = body.gstin;
    }
    if (body.dateOfBirth !== undefined) {
      const age = ageOn(body.dateOfBirth, istDate(now()));
      if (age < 18 || age > 100) issues.push({ path: 'dateOfBirth', message: 'Providers must be at least 18 years old' });
      patch.dateOfBirth = body.dateOfBirth;
    }
    for (const k of ['businessName', 'description', 'address', 'city', 'languages', 'autoPayout'] as const) {
      if (body[k] !== undefined) (patch as Record<string, unknown>)[k] = body[k];
    }
    if (issues.length) throw invalid(issues);
  }

  async function updateMyProfile(actor: Actor, body: UpdateProviderProfileBody, ip?: string): Promise<MyProviderProfile> {
    const own = await ownRow(actor);
    const patch: ProviderPatch = {};
    await validatePatch(own.profile, body, patch);
    if (body.email !== undefined) {
      const [taken] = await db
        .select({ id: users.id })
        .from(users)
        .where(and(sql`lower(${users.email}) = lower(${body.email})`, ne(users.id, actor.userId)))
        .limit(1);
      if (taken) throw new AppError('EMAIL_TAKEN', 'This e-mail is already in use', { status: 409 });
    }
    const updated = await db.transaction(async (tx) => {
      const before = await repo.lock(tx, own.profile.id);
      if (!before) throw notFound('Provider profile');
      if (body.name !== undefined || body.email !== undefined) {
        await updateUser(tx, actor.userId, {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.email !== undefined ? { email: body.email } : {}),
        });
      }
      const after = Object.keys(patch).length ? await repo.update(tx, before.id, patch) : before;
      const changed = KEY_FIELDS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
      if (before.status === 'APPROVED' && changed.length) {
        await recordAudit(tx, {
          actorUserId: actor.userId,
          action: 'provider.live_profile_changed',
          objectType: 'provider_profile',
          objectId: before.id,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
          ip: ip ?? null,
        });
      }
      return after;
    });
    deps.events.emit('provider.updated', { providerId: updated.id, userId: updated.userId, status: updated.status });
    return getMyProfile(actor);
  }

  async function changeStatus(input: {
    actor: Actor;
    providerId: string;
    action: ProviderAction;
    reason?: string | null;
    ip?: string;
  }) {
    const { actor, action } = input;
    const result = await db.transaction(async (tx) => {
      const before = await repo.lock(tx, input.providerId);
      if (!before) throw notFound('Provider');
      const owner = await repo.findById(tx, before.id);
      const hasPhoto = await repo.hasProfilePhoto(tx, before.id);
      const checklist = checklistOf(before, owner?.name ?? null, hasPhoto);
      const decision = decideTransition({
        from: before.status,
        action,
        actor: { role: actor.role, isOwner: actor.userId === before.userId, secondFactor: actor.secondFactor },
        checklistComplete: checklist.complete,
        reason: input.reason,
      });
      if (!decision.ok) {
        switch (decision.refusal) {
          case 'FORBIDDEN':
            throw forbidden(decision.message);
          case 'ILLEGAL_TRANSITION':
            throw new AppError('ILLEGAL_TRANSITION', decision.message, { details: { status: before.status, action } });
          case 'CHECKLIST_INCOMPLETE':
            throw new AppError('CHECKLIST_INCOMPLETE', decision.message, {
              status: 422,
              details: { missing: checklist.missing },
            });
          case 'REASON_REQUIRED':
            throw new AppError('VALIDATION_FAILED', decision.message, {
              details: [{ path: 'body.reason', message: 'Required' }],
            });
        }
      }
      const at = now();
      const statusReason = action === 'REJECT' || action === 'SUSPEND' ? decision.reason : null;
      const after = await repo.update(tx, before.id, {
        status: decision.to,
        statusReason,
        ...(action === 'SUBMIT' ? { submittedAt: at } : {}),
        ...(action === 'APPROVE' ? { approvedAt: before.approvedAt ?? at } : {}),
      });
      await recordAudit(tx, {
        actorUserId: actor.userId,
        action: `provider.${action.toLowerCase()}`,
        objectType: 'provider_profile',
        objectId: before.id,
        before: { status: before.status, statusReason: before.statusReason },
        after: { status: after.status, statusReason: after.statusReason },
        reason: decision.reason,
        ip: input.ip ?? null,
      });
      await deps.notifier.notify(tx, {
        userId: before.userId,
        type: decision.notification,
        data: { providerId: before.id, status: after.status, ...(decision.reason ? { reason: decision.reason } : {}) },
      });
      return after;
    });
    deps.events.emit('provider.updated', { providerId: result.id, userId: result.userId, status: result.status });
    return { id: result.id, status: result.status, statusReason: result.statusReason };
  }

  async function submitForReview(actor: Actor, ip?: string) {
    const own = await ownRow(actor);
    return changeStatus({ actor, providerId: own.profile.id, action: 'SUBMIT', ip });
  }

  async function getPublicProfile(actor: Actor | null, id: string): Promise<PublicProviderProfile> {
    const row = await repo.findById(db, id);
    if (!row) throw notFound('Provider');
    const p = row.profile;
    const visible = (p.status === 'APPROVED' && p.isActive) || actor?.userId === p.userId || isAdmin(actor);
    if (!visible) throw notFound('Provider');
    const category = p.categoryId ? await repo.findCategory(db, p.categoryId) : null;
    const subs = await repo.listSubCategories(db, p.subCategoryIds);
    const docs = await deps.documents.listForProvider(db, p.id, ['PROFILE_PHOTO', 'PORTFOLIO']);
    const photo = docs.find((d) => d.kind === 'PROFILE_PHOTO');
    const dims = Object.fromEntries(Object.entries(p.dimensionAverages).filter(([, v]) => typeof v === 'number')) as Record<
      string,
      number
    >;
    return {
      id: p.id,
      name: row.name,
      businessName: p.businessName,
      description: p.description,
      status: p.status,
      city: p.city,
      category: category ? { id: category.id, slug: category.slug, name: category.name } : null,
      services: p.subCategoryIds
        .map((sid) => subs.find((s) => s.id === sid))
        .filter((s) => s !== undefined)
        .map((s) => ({
          subCategoryId: s.id,
          slug: s.slug,
          name: s.name,
          price: p.pricing.find((x) => x.subCategoryId === s.id) ?? null,
        })),
      serviceAreas: p.serviceAreas,
      workingHours: p.workingHours,
      languages: p.languages,
      badges: badgesOf(p),
      aadhaarVerified: p.aadhaarVerified,
      backgroundVerified: p.backgroundVerified,
      acceptsUpi: !!p.upiId,
      profilePhotoUrl: photo ? documentView(photo).url : null,
      portfolio: docs
        .filter((d) => d.kind === 'PORTFOLIO')
        .map((d) => ({ id: d.id, url: documentView(d).url, width: d.width, height: d.height })),
      rating: { average: Number(p.averageRating), count: p.ratingCount, dimensions: dims },
      averageRating: Number(p.averageRating),
      reputationScore: Number(p.reputationScore),
      totalJobs: p.totalJobs,
      completedJobs: p.completedJobs,
      responseTimeSec: p.responseTime,
      memberSince: p.createdAt.toISOString(),
    };
  }

  async function listForReview(q: { status: ProviderRow['status']; cursor?: string; limit: number }) {
    let after: { at: Date; id: string } | undefined;
    if (q.cursor) {
      try {
        const c = JSON.parse(Buffer.from(q.cursor, 'base64url').toString()) as { at: string; id: string };
        after = { at: new Date(c.at), id: c.id };
        if (Number.isNaN(after.at.getTime()) || !/^[0-9a-f-]{36}$/.test(c.id)) throw new Error('bad cursor');
      } catch {
        throw new AppError('VALIDATION_FAILED', 'The cursor is not valid', {
          details: [{ path: 'querystring.cursor', message: 'Invalid' }],
        });
      }
    }
    const rows = await repo.listByStatus(db, { status: q.status, after, limit: q.limit });
    const page = rows.slice(0, q.limit);
    const ids = page.map((r) => r.profile.id);
    const docs = await deps.documents.listForProviders(db, ids);
    const kyc = await repo.latestKyc(db, ids);
    const last = page.at(-1);
    return {
      items: page.map((r) => {
        const p = r.profile;
        const mine = docs.filter((d) => d.providerId === p.id);
        return {
          id: p.id,
          userId: p.userId,
          name: r.name,
          phone: r.phone,
          businessName: p.businessName,
          status: p.status,
          statusReason: p.statusReason,
          categoryId: p.categoryId,
          submittedAt: iso(p.submittedAt),
          checklist: checklistOf(
            p,
            r.name,
            mine.some((d) => d.kind === 'PROFILE_PHOTO'),
          ),
          aadhaarVerified: p.aadhaarVerified,
          aadhaarMasked: p.aadhaarMasked ?? kyc.find((k) => k.providerId === p.id)?.aadhaarMasked ?? null,
          backgroundStatus: p.backgroundStatus,
          profile: {
            description: p.description,
            city: p.city,
            address: p.address,
            serviceAreas: {
              radiusKm: p.serviceAreas.radiusKm,
              localities: p.serviceAreas.localities ?? [],
              pincodes: p.serviceAreas.pincodes ?? [],
            },
            pricing: p.pricing,
            workingHours: p.workingHours,
            languages: p.languages,
            gstin: p.gstin,
          },
          documents: mine.map(documentView),
        };
      }),
      nextCursor:
        rows.length > q.limit && last
          ? Buffer.from(JSON.stringify({ at: last.sortAt, id: last.profile.id })).toString('base64url')
          : null,
    };
  }

  /** The provider row for a user (for other services of this module). */
  async function findOwn(actor: Actor) {
    return ownRow(actor);
  }

  return { getMyProfile, updateMyProfile, submitForReview, changeStatus, getPublicProfile, listForReview, findOwn };
}
export type ProvidersService = ReturnType<typeof createProvidersService>;
