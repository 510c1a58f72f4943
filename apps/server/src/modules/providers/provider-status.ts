/**
 * The provider onboarding status machine, as pure rules (no I/O).
 *
 *   DRAFT ──submit──▶ PENDING_REVIEW ──approve──▶ APPROVED ◀──reinstate── SUSPENDED
 *                          │  ▲                     └────────suspend────────▶┘
 *                       reject │ submit (after fixes)
 *                          ▼  │
 *                        REJECTED
 *
 * - submit: the owning provider only, and only when the onboarding checklist is complete.
 * - approve / reject / suspend / reinstate: admins with a second factor; every one but approve needs a reason.
 * - Editing never changes the status. Edits while APPROVED keep the profile live (see providers.service.ts
 *   for which edits are recorded for admin re-review); edits while REJECTED are followed by a new submit.
 */
import type { NotificationType } from '../notifications/notify';

export type ProviderStatus = 'DRAFT' | 'PENDING_REVIEW' | 'APPROVED' | 'REJECTED' | 'SUSPENDED';
export type ProviderAction = 'SUBMIT' | 'APPROVE' | 'REJECT' | 'SUSPEND' | 'REINSTATE';
export type ActorRole = 'CUSTOMER' | 'PROVIDER' | 'ADMIN';

export const PROVIDER_STATUSES: readonly ProviderStatus[] = ['DRAFT', 'PENDING_REVIEW', 'APPROVED', 'REJECTED', 'SUSPENDED'];
export const PROVIDER_ACTIONS: readonly ProviderAction[] = ['SUBMIT', 'APPROVE', 'REJECT', 'SUSPEND', 'REINSTATE'];

interface Rule {
  from: readonly ProviderStatus[];
  to: ProviderStatus;
  by: 'OWNER' | 'ADMIN';
  reasonRequired: boolean;
  notification: NotificationType;
}

export const TRANSITIONS: Readonly<Record<ProviderAction, Rule>> = {
  SUBMIT: {
    from: ['DRAFT', 'REJECTED'],
    to: 'PENDING_REVIEW',
    by: 'OWNER',
    reasonRequired: false,
    notification: 'PROVIDER_SUBMITTED',
  },
  APPROVE: { from: ['PENDING_REVIEW'], to: 'APPROVED', by: 'ADMIN', reasonRequired: false, notification: 'PROVIDER_APPROVED' },
  REJECT: { from: ['PENDING_REVIEW'], to: 'REJECTED', by: 'ADMIN', reasonRequired: true, notification: 'PROVIDER_REJECTED' },
  SUSPEND: { from: ['APPROVED'], to: 'SUSPENDED', by: 'ADMIN', reasonRequired: true, notification: 'PROVIDER_SUSPENDED' },
  REINSTATE: { from: ['SUSPENDED'], to: 'APPROVED', by: 'ADMIN', reasonRequired: true, notification: 'PROVIDER_REINSTATED' },
};

export interface TransitionInput {
  from: ProviderStatus;
  action: ProviderAction;
  actor: { role: ActorRole; isOwner: boolean; secondFactor: boolean };
  checklistComplete: boolean;
  reason?: string | null;
}

export type TransitionRefusal = 'FORBIDDEN' | 'ILLEGAL_TRANSITION' | 'CHECKLIST_INCOMPLETE' | 'REASON_REQUIRED';

export type TransitionResult =
  | { ok: true; to: ProviderStatus; notification: NotificationType; reason: string | null }
  | { ok: false; refusal: TransitionRefusal; message: string };

export function decideTransition(input: TransitionInput): TransitionResult {
  const rule = TRANSITIONS[input.action];
  const allowed =
    rule.by === 'OWNER'
      ? input.actor.role === 'PROVIDER' && input.actor.isOwner
      : input.actor.role === 'ADMIN' && input.actor.secondFactor;
  if (!allowed) {
    return {
      ok: false,
      refusal: 'FORBIDDEN',
      message: rule.by === 'OWNER' ? 'Only the provider can submit' : 'Only an admin can do this',
    };
  }
  if (!rule.from.includes(input.from)) {
    return {
      ok: false,
      refusal: 'ILLEGAL_TRANSITION',
      message: `Cannot ${input.action.toLowerCase()} a provider that is ${input.from}`,
    };
  }
  const reason = input.reason?.trim() || null;
  if (rule.reasonRequired && !reason) {
    return { ok: false, refusal: 'REASON_REQUIRED', message: 'A reason is required' };
  }
  if (input.action === 'SUBMIT' && !input.checklistComplete) {
    return { ok: false, refusal: 'CHECKLIST_INCOMPLETE', message: 'Complete your profile before submitting it for review' };
  }
  return { ok: true, to: rule.to, notification: rule.notification, reason };
}

/** Live in search and bookable. */
export const isLive = (status: ProviderStatus, isActive: boolean) => status === 'APPROVED' && isActive;
