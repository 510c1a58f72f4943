import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ActorRole,
  decideTransition,
  PROVIDER_ACTIONS,
  PROVIDER_STATUSES,
  type ProviderAction,
  type ProviderStatus,
  TRANSITIONS,
} from './provider-status';

const owner = { role: 'PROVIDER' as const, isOwner: true, secondFactor: false };
const admin = { role: 'ADMIN' as const, isOwner: false, secondFactor: true };

/** The whole table, written out: (from, action) → to. Anything missing is illegal. */
const LEGAL: Record<string, ProviderStatus> = {
  'DRAFT:SUBMIT': 'PENDING_REVIEW',
  'REJECTED:SUBMIT': 'PENDING_REVIEW',
  'PENDING_REVIEW:APPROVE': 'APPROVED',
  'PENDING_REVIEW:REJECT': 'REJECTED',
  'APPROVED:SUSPEND': 'SUSPENDED',
  'SUSPENDED:REINSTATE': 'APPROVED',
};

describe('provider status machine', () => {
  for (const from of PROVIDER_STATUSES) {
    for (const action of PROVIDER_ACTIONS) {
      const expected = LEGAL[`${from}:${action}`];
      const actor = action === 'SUBMIT' ? owner : admin;
      it(`${from} --${action}--> ${expected ?? 'refused'}`, () => {
        const r = decideTransition({ from, action, actor, checklistComplete: true, reason: 'Photo is blurry' });
        if (expected) expect(r).toMatchObject({ ok: true, to: expected });
        else expect(r).toMatchObject({ ok: false, refusal: 'ILLEGAL_TRANSITION' });
      });
    }
  }

  const roles: { name: string; actor: { role: ActorRole; isOwner: boolean; secondFactor: boolean } }[] = [
    { name: 'customer', actor: { role: 'CUSTOMER', isOwner: false, secondFactor: false } },
    { name: 'another provider', actor: { role: 'PROVIDER', isOwner: false, secondFactor: false } },
    { name: 'owning provider', actor: owner },
    { name: 'admin without TOTP', actor: { role: 'ADMIN', isOwner: false, secondFactor: false } },
    { name: 'admin', actor: admin },
  ];
  for (const action of PROVIDER_ACTIONS) {
    const from = Object.entries(LEGAL)
      .find(([k]) => k.endsWith(`:${action}`))![0]
      .split(':')[0] as ProviderStatus;
    for (const { name, actor } of roles) {
      const mayAct = action === 'SUBMIT' ? name === 'owning provider' : name === 'admin';
      it(`${action} by ${name}: ${mayAct ? 'allowed' : 'forbidden'}`, () => {
        const r = decideTransition({ from, action, actor, checklistComplete: true, reason: 'Documents look fine' });
        expect(r.ok).toBe(mayAct);
        if (!r.ok) expect(r.refusal).toBe('FORBIDDEN');
      });
    }
  }

  it('submit needs a complete checklist', () => {
    const r = decideTransition({ from: 'DRAFT', action: 'SUBMIT', actor: owner, checklistComplete: false });
    expect(r).toMatchObject({ ok: false, refusal: 'CHECKLIST_INCOMPLETE' });
  });

  for (const action of ['REJECT', 'SUSPEND', 'REINSTATE'] as ProviderAction[]) {
    it(`${action} needs a reason (blank is not one)`, () => {
      const from = TRANSITIONS[action].from[0]!;
      for (const reason of [undefined, null, '', '   ']) {
        expect(decideTransition({ from, action, actor: admin, checklistComplete: true, reason })).toMatchObject({
          ok: false,
          refusal: 'REASON_REQUIRED',
        });
      }
    });
  }

  it('approve needs no reason and notifies PROVIDER_APPROVED', () => {
    expect(decideTransition({ from: 'PENDING_REVIEW', action: 'APPROVE', actor: admin, checklistComplete: true })).toEqual({
      ok: true,
      to: 'APPROVED',
      notification: 'PROVIDER_APPROVED',
      reason: null,
    });
  });

  it('every allowed change names its notification', () => {
    expect(Object.fromEntries(PROVIDER_ACTIONS.map((a) => [a, TRANSITIONS[a].notification]))).toEqual({
      SUBMIT: 'PROVIDER_SUBMITTED',
      APPROVE: 'PROVIDER_APPROVED',
      REJECT: 'PROVIDER_REJECTED',
      SUSPEND: 'PROVIDER_SUSPENDED',
      REINSTATE: 'PROVIDER_REINSTATED',
    });
  });

  it('no sequence of actions reaches APPROVED without passing PENDING_REVIEW → approve', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PROVIDER_ACTIONS), { maxLength: 20 }), (actions) => {
        let status: ProviderStatus = 'DRAFT';
        let everApproved = false;
        for (const action of actions) {
          const actor = action === 'SUBMIT' ? owner : admin;
          const r = decideTransition({ from: status, action, actor, checklistComplete: true, reason: 'ok reason' });
          if (r.ok) {
            if (r.to === 'APPROVED' && action === 'APPROVE') everApproved = true;
            if (r.to === 'APPROVED') expect(everApproved).toBe(true);
            status = r.to;
          }
        }
      }),
    );
  });
});
