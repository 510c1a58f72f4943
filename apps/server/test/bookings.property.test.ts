import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BookingStatus,
  decide,
  decideSide,
  type Party,
  type SideAction,
  type StatusAction,
} from '../src/modules/bookings/booking-state';
import { createBookingService } from '../src/modules/bookings/bookings.service';
import { bookingEvents, bookings } from '../src/modules/bookings/bookings.tables';
import { createTestApp, type TestApp } from './app';
import { ist, put, requestBooking, workday } from './factories/bookings';
import { createApprovedProvider, createUser, type TestUser } from './factories/index';

/**
 * Random sequences of actions by random actors, run through the API, must match a pure model of
 * the booking: same HTTP status for every step, same final status, attempts and timestamps.
 */
type Role = 'customer' | 'provider' | 'admin' | 'stranger';
type Step = { kind: 'api'; role: Role; action: StatusAction | SideAction; path: string; goodCode?: boolean } | { kind: 'expire' };

interface Model {
  status: BookingStatus;
  attempts: number;
  onTheWay: boolean;
  customerConfirmed: boolean;
  visited: Set<BookingStatus>;
}

const MAX_TRIES = 5;
const party: Record<Role, Party | null> = { customer: 'CUSTOMER', provider: 'PROVIDER', admin: 'ADMIN', stranger: null };

/** The model: the transition table plus the rules that sit beside it. Returns the expected HTTP status. */
function apply(m: Model, s: Step): number {
  if (s.kind === 'expire') {
    if (m.status === 'PENDING') {
      m.status = 'EXPIRED';
      m.visited.add('EXPIRED');
    }
    return 0;
  }
  const p = party[s.role];
  if (!p) return 404;
  const side = ['onMyWay', 'confirmCompletion'].includes(s.action);
  const d = side ? decideSide(m.status, s.action as SideAction, p) : decide(m.status, s.action as StatusAction, p);
  if (!d.ok) return d.code === 'FORBIDDEN' ? 403 : 409;
  switch (s.action) {
    case 'noShow':
      return 422; // the job is days away: before the grace period
    case 'start':
      if (m.attempts >= MAX_TRIES) return 422;
      if (!s.goodCode) {
        m.attempts++;
        return 422;
      }
      break;
    case 'onMyWay':
      if (m.onTheWay) return 409;
      m.onTheWay = true;
      return 200;
    case 'confirmCompletion':
      if (m.customerConfirmed) return 409;
      m.customerConfirmed = true;
      return 200;
  }
  m.status = d.to;
  m.visited.add(d.to);
  return 200;
}

const apiStep = fc.record({
  kind: fc.constant('api' as const),
  role: fc.constantFrom<Role>('customer', 'provider', 'provider', 'admin', 'stranger'),
  action: fc.constantFrom<StatusAction | SideAction>(
    'accept',
    'reject',
    'cancel',
    'start',
    'start',
    'complete',
    'noShow',
    'dispute',
    'onMyWay',
    'confirmCompletion',
  ),
  goodCode: fc.boolean(),
});
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 12, arbitrary: apiStep.map((s) => ({ ...s, path: '' })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'expire' as const }) },
);

const paths: Record<string, string> = {
  accept: 'accept',
  reject: 'reject',
  cancel: 'cancel',
  start: 'start',
  complete: 'complete',
  noShow: 'no-show',
  dispute: 'dispute',
  onMyWay: 'on-my-way',
  confirmCompletion: 'confirm-completion',
};
const bodies: Record<string, (code: string) => unknown> = {
  reject: () => ({ reason: 'not free' }),
  cancel: () => ({ reason: 'plans changed' }),
  dispute: () => ({ reason: 'not done' }),
  start: (code) => ({ startCode: code }),
};

let t: TestApp;
let customer: TestUser;
let admin: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000', MAX_PENDING_BOOKINGS_PER_CUSTOMER: '100000' });
  customer = await createUser(t.c, { role: 'CUSTOMER' });
  admin = await createUser(t.c, { role: 'ADMIN' });
  stranger = await createUser(t.c, { role: 'CUSTOMER' });
});
afterAll(() => t.close());

describe('random action sequences match the model', () => {
  it('API results equal the pure model', async () => {
    // Expiry runs as the job would, with a clock past the response timeout.
    const late = createBookingService({
      db: t.c.db,
      jobs: t.c.jobs,
      notifier: t.c.notifier,
      events: t.c.events,
      config: t.c.config,
      now: () => new Date(Date.now() + 2 * 3_600_000),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 10 }), async (steps) => {
        const provider = await createApprovedProvider(t.c);
        const w = { provider, sub: provider.category.subCategories[0]! };
        const created = await requestBooking(t.app, w, customer, ist(workday(2), '10:00'));
        expect(created.statusCode).toBe(201);
        const { id, startCode } = created.json() as { id: string; startCode: string };
        const wrong = startCode === '0000' ? '1111' : '0000';
        const m: Model = {
          status: 'PENDING',
          attempts: 0,
          onTheWay: false,
          customerConfirmed: false,
          visited: new Set(['PENDING']),
        };
        const users: Record<Role, TestUser> = { customer, provider: provider.user, admin, stranger };
        for (const s of steps) {
          const want = apply(m, s);
          if (s.kind === 'expire') {
            await late.expireIfUnanswered(id);
            continue;
          }
          const body = bodies[s.action]?.(s.goodCode ? startCode : wrong);
          const r = await put(t.app, users[s.role], id, paths[s.action]!, body);
          expect(r.statusCode, `${s.role} ${s.action} → ${r.body}`).toBe(want);
        }
        const [row] = await t.c.db.select().from(bookings).where(eq(bookings.id, id));
        expect(row!.status).toBe(m.status);
        expect(row!.startCodeAttempts).toBe(m.attempts);
        expect(row!.onTheWayAt != null).toBe(m.onTheWay);
        expect(row!.customerConfirmedAt != null).toBe(m.customerConfirmed);
        expect(row!.confirmedAt != null).toBe(m.visited.has('CONFIRMED'));
        expect(row!.startedAt != null).toBe(m.visited.has('IN_PROGRESS'));
        expect(row!.completedAt != null).toBe(m.visited.has('COMPLETED'));
        expect(row!.cancelledAt != null).toBe(m.visited.has('CANCELLED'));
        const statuses = (await t.c.db.select().from(bookingEvents).where(eq(bookingEvents.bookingId, id)))
          .filter((e) => e.fromStatus !== e.toStatus)
          .map((e) => e.toStatus);
        expect(new Set(statuses)).toEqual(m.visited);
      }),
      { numRuns: 25 },
    );
  }, 180_000);
});
