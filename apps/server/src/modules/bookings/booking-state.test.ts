import { describe, expect, it } from 'vitest';
import {
  BOOKING_STATUSES,
  type BookingStatus,
  bookingParty,
  decide,
  decideSide,
  isActive,
  type Party,
  SIDE_ACTIONS,
  type SideAction,
  type StatusAction,
  TRANSITIONS,
} from './booking-state';

const parties: Party[] = ['CUSTOMER', 'PROVIDER', 'ADMIN', 'SYSTEM'];
const actions = Object.keys(TRANSITIONS) as StatusAction[];

/** The spec's table written out by hand, independent of the TRANSITIONS constant. */
const expected: Record<string, BookingStatus> = {
  'PENDING accept PROVIDER': 'CONFIRMED',
  'PENDING reject PROVIDER': 'REJECTED',
  'PENDING expire SYSTEM': 'EXPIRED',
  'PENDING cancel CUSTOMER': 'CANCELLED',
  'PENDING cancel ADMIN': 'CANCELLED',
  'CONFIRMED cancel CUSTOMER': 'CANCELLED',
  'CONFIRMED cancel PROVIDER': 'CANCELLED',
  'CONFIRMED cancel ADMIN': 'CANCELLED',
  'CONFIRMED start PROVIDER': 'IN_PROGRESS',
  'CONFIRMED noShow CUSTOMER': 'NO_SHOW',
  'CONFIRMED noShow PROVIDER': 'NO_SHOW',
  'IN_PROGRESS complete PROVIDER': 'COMPLETED',
  'IN_PROGRESS dispute CUSTOMER': 'DISPUTED',
  'COMPLETED dispute CUSTOMER': 'DISPUTED',
  'DISPUTED resolveDispute ADMIN': 'COMPLETED',
  'DISPUTED reworkDispute ADMIN': 'CONFIRMED',
};

describe('booking state machine', () => {
  for (const status of BOOKING_STATUSES) {
    for (const action of actions) {
      for (const party of parties) {
        const key = `${status} ${action} ${party}`;
        it(key, () => {
          const d = decide(status, action, party);
          if (expected[key]) {
            expect(d).toEqual({ ok: true, to: expected[key] });
            return;
          }
          expect(d.ok).toBe(false);
          const everAllowed = Object.keys(expected).some((k) => k.endsWith(` ${action} ${party}`));
          const fromStatusAtAll = Object.keys(expected).some((k) => k.startsWith(`${status} ${action} `));
          // Never allowed for this party → 403; allowed for someone from this status → 403; else 409.
          const code = !everAllowed || fromStatusAtAll ? 'FORBIDDEN' : 'ILLEGAL_TRANSITION';
          expect(d.ok === false && d.code).toBe(code);
        });
      }
    }
  }

  it('terminal statuses allow nothing', () => {
    for (const status of ['REJECTED', 'EXPIRED', 'CANCELLED', 'NO_SHOW'] as const) {
      for (const action of actions) for (const party of parties) expect(decide(status, action, party).ok).toBe(false);
    }
  });

  it('a disputed booking waits for an admin: the parties can do nothing until it is resolved', () => {
    const moves = actions.flatMap((a) => parties.map((p) => [a, p, decide('DISPUTED', a, p)] as const)).filter(([, , d]) => d.ok);
    expect(moves.map(([a, p, d]) => `${a} ${p} → ${d.ok && d.to}`).sort()).toEqual([
      'resolveDispute ADMIN → COMPLETED',
      'reworkDispute ADMIN → CONFIRMED',
    ]);
  });

  it('dispute outcomes are admin-only and only from DISPUTED', () => {
    expect(decide('DISPUTED', 'resolveDispute', 'CUSTOMER')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decide('DISPUTED', 'reworkDispute', 'PROVIDER')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decide('COMPLETED', 'resolveDispute', 'ADMIN')).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
    const d = decide('COMPLETED', 'resolveDispute', 'ADMIN');
    expect(d.ok === false && d.message).toBe('Cannot resolve the dispute of a booking that is COMPLETED');
  });

  it('a provider cancelling a request is told to reject instead', () => {
    const d = decide('PENDING', 'cancel', 'PROVIDER');
    expect(d.ok === false && d.message).toMatch(/reject/);
  });

  it('only PENDING, CONFIRMED and IN_PROGRESS hold the slot', () => {
    expect(BOOKING_STATUSES.filter(isActive)).toEqual(['PENDING', 'CONFIRMED', 'IN_PROGRESS']);
  });

  it('side actions: who and when', () => {
    for (const action of Object.keys(SIDE_ACTIONS) as SideAction[]) {
      const rule = SIDE_ACTIONS[action];
      for (const status of BOOKING_STATUSES) {
        for (const party of parties) {
          const d = decideSide(status, action, party);
          const byOk = (rule.by as readonly Party[]).includes(party);
          const fromOk = (rule.from as readonly BookingStatus[]).includes(status);
          if (byOk && fromOk) expect(d.ok).toBe(true);
          else expect(d.ok === false && d.code).toBe(byOk ? 'ILLEGAL_TRANSITION' : 'FORBIDDEN');
        }
      }
    }
    expect(decideSide('COMPLETED', 'confirmCompletion', 'SYSTEM').ok).toBe(true);
    expect(decideSide('CONFIRMED', 'onMyWay', 'CUSTOMER').ok).toBe(false);
  });
});

describe('bookingParty', () => {
  const b = { customerId: 'c1', providerId: 'p1' };
  const caller = (
    over: Partial<{ role: string; customerId: string | null; providerId: string | null; secondFactor: boolean }>,
  ) => ({
    role: 'CUSTOMER',
    customerId: null,
    providerId: null,
    secondFactor: false,
    ...over,
  });
  it.each([
    ['its customer', caller({ customerId: 'c1' }), 'CUSTOMER'],
    ['its provider', caller({ role: 'PROVIDER', providerId: 'p1' }), 'PROVIDER'],
    ['an admin past the second factor', caller({ role: 'ADMIN', secondFactor: true }), 'ADMIN'],
    ['an admin without it', caller({ role: 'ADMIN' }), null],
    ['another customer', caller({ customerId: 'c2' }), null],
    ['another provider', caller({ role: 'PROVIDER', providerId: 'p2' }), null],
    ['a caller with no profile', caller({}), null],
  ] as const)('%s → %s', (_name, who, party) => {
    expect(bookingParty(who, b)).toBe(party);
  });
  it('the system is always the system', () => {
    expect(bookingParty('SYSTEM', b)).toBe('SYSTEM');
  });
});
