/**
 * The booking state machine: which action moves a booking from which status to which, and who may
 * do it. Pure: no I/O, no clock. The service asks `decide` before every write.
 */
export type BookingStatus =
  | 'PENDING'
  | 'CONFIRMED'
  | 'REJECTED'
  | 'EXPIRED'
  | 'CANCELLED'
  | 'IN_PROGRESS'
  | 'COMPLETED'
  | 'NO_SHOW'
  | 'DISPUTED';

export const BOOKING_STATUSES: readonly BookingStatus[] = [
  'PENDING',
  'CONFIRMED',
  'REJECTED',
  'EXPIRED',
  'CANCELLED',
  'IN_PROGRESS',
  'COMPLETED',
  'NO_SHOW',
  'DISPUTED',
];

/** Statuses that hold the provider's time (the exclusion constraint covers exactly these). */
export const ACTIVE_STATUSES: readonly BookingStatus[] = ['PENDING', 'CONFIRMED', 'IN_PROGRESS'];

/** The party acting on a booking. SYSTEM is a job (expiry, auto-confirmation). */
export type Party = 'CUSTOMER' | 'PROVIDER' | 'ADMIN' | 'SYSTEM';

/** The caller as far as booking access goes (the fields of the HTTP/socket actor this rule reads). */
export interface BookingCaller {
  role: string;
  customerId: string | null;
  providerId: string | null;
  secondFactor: boolean;
}

/**
 * Which party `who` is on a booking: its customer, its provider, an admin past the second factor, or the
 * system; null for anyone else (callers answer 404 so booking ids cannot be probed).
 */
export function bookingParty(who: BookingCaller | 'SYSTEM', b: { customerId: string; providerId: string }): Party | null {
  if (who === 'SYSTEM') return 'SYSTEM';
  if (who.customerId && who.customerId === b.customerId) return 'CUSTOMER';
  if (who.providerId && who.providerId === b.providerId) return 'PROVIDER';
  if (who.role === 'ADMIN' && who.secondFactor) return 'ADMIN';
  return null;
}

export type StatusAction =
  | 'accept'
  | 'reject'
  | 'expire'
  | 'cancel'
  | 'start'
  | 'complete'
  | 'noShow'
  | 'dispute'
  | 'resolveDispute'
  | 'reworkDispute';

interface Edge {
  from: BookingStatus;
  to: BookingStatus;
  by: readonly Party[];
}

/** The transition table. Anything not listed is illegal. */
export const TRANSITIONS: Record<StatusAction, readonly Edge[]> = {
  accept: [{ from: 'PENDING', to: 'CONFIRMED', by: ['PROVIDER'] }],
  reject: [{ from: 'PENDING', to: 'REJECTED', by: ['PROVIDER'] }],
  expire: [{ from: 'PENDING', to: 'EXPIRED', by: ['SYSTEM'] }],
  cancel: [
    // A provider answers a request by rejecting it; cancelling is for bookings they accepted.
    { from: 'PENDING', to: 'CANCELLED', by: ['CUSTOMER', 'ADMIN'] },
    { from: 'CONFIRMED', to: 'CANCELLED', by: ['CUSTOMER', 'PROVIDER', 'ADMIN'] },
  ],
  start: [{ from: 'CONFIRMED', to: 'IN_PROGRESS', by: ['PROVIDER'] }],
  complete: [{ from: 'IN_PROGRESS', to: 'COMPLETED', by: ['PROVIDER'] }],
  // Either side reports that the other did not turn up (after the grace period; see no-show rule).
  noShow: [{ from: 'CONFIRMED', to: 'NO_SHOW', by: ['CUSTOMER', 'PROVIDER'] }],
  // The customer disputes during the job or shortly after completion; admins resolve it.
  dispute: [
    { from: 'IN_PROGRESS', to: 'DISPUTED', by: ['CUSTOMER'] },
    { from: 'COMPLETED', to: 'DISPUTED', by: ['CUSTOMER'] },
  ],
  // An admin closes the case (refund in full or part, or no action): the job stands as completed and
  // the money is settled (docs/bookings.md, "Disputes").
  resolveDispute: [{ from: 'DISPUTED', to: 'COMPLETED', by: ['ADMIN'] }],
  // Or sends the provider back to redo the job at a new slot: the booking is upcoming again.
  reworkDispute: [{ from: 'DISPUTED', to: 'CONFIRMED', by: ['ADMIN'] }],
};

export type Decision = { ok: true; to: BookingStatus } | { ok: false; code: 'FORBIDDEN' | 'ILLEGAL_TRANSITION'; message: string };

/**
 * Whether `party` may apply `action` to a booking in `status`. A party that may never do the action
 * is FORBIDDEN (403); a legal party acting from the wrong status gets ILLEGAL_TRANSITION (409); a
 * party allowed elsewhere but not from this status (a provider cancelling a request) is FORBIDDEN.
 */
export function decide(status: BookingStatus, action: StatusAction, party: Party): Decision {
  const edges = TRANSITIONS[action];
  if (!edges.some((e) => e.by.includes(party))) {
    return { ok: false, code: 'FORBIDDEN', message: `A ${party.toLowerCase()} may not ${describe(action)} a booking` };
  }
  const edge = edges.find((e) => e.from === status);
  if (!edge) {
    return { ok: false, code: 'ILLEGAL_TRANSITION', message: `Cannot ${describe(action)} a booking that is ${status}` };
  }
  if (!edge.by.includes(party)) {
    const hint = action === 'cancel' && party === 'PROVIDER' ? ' (reject the request instead)' : '';
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: `A ${party.toLowerCase()} may not ${describe(action)} a ${status} booking${hint}`,
    };
  }
  return { ok: true, to: edge.to };
}

function describe(action: StatusAction): string {
  if (action === 'noShow') return 'report a no-show for';
  if (action === 'resolveDispute') return 'resolve the dispute of';
  if (action === 'reworkDispute') return 'order a rework of';
  return action;
}

/** The timestamp column each target status sets, once. */
export const STATUS_TIMESTAMP = {
  CONFIRMED: 'confirmedAt',
  IN_PROGRESS: 'startedAt',
  COMPLETED: 'completedAt',
  CANCELLED: 'cancelledAt',
  NO_SHOW: 'noShowAt',
  DISPUTED: 'disputedAt',
} as const satisfies Partial<Record<BookingStatus, string>>;

/** Accept and reject both answer the request; the response time is measured to either. */
export function answersRequest(action: StatusAction): boolean {
  return action === 'accept' || action === 'reject';
}

export function isActive(status: BookingStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/**
 * Non-status actions: who may do them and in which status. `confirmCompletion` sets
 * customerConfirmedAt once (also by SYSTEM after 24 h); `onMyWay` sets onTheWayAt once;
 * reschedule proposals are made and answered by the two parties while the booking is upcoming.
 */
export const SIDE_ACTIONS = {
  confirmCompletion: { from: ['COMPLETED'], by: ['CUSTOMER', 'SYSTEM'] },
  onMyWay: { from: ['CONFIRMED'], by: ['PROVIDER'] },
  proposeReschedule: { from: ['PENDING', 'CONFIRMED'], by: ['CUSTOMER', 'PROVIDER'] },
  answerReschedule: { from: ['PENDING', 'CONFIRMED'], by: ['CUSTOMER', 'PROVIDER'] },
  resetStartCode: { from: ['CONFIRMED'], by: ['CUSTOMER'] },
} as const satisfies Record<string, { from: readonly BookingStatus[]; by: readonly Party[] }>;
export type SideAction = keyof typeof SIDE_ACTIONS;

export function decideSide(status: BookingStatus, action: SideAction, party: Party): Decision {
  const rule = SIDE_ACTIONS[action];
  if (!(rule.by as readonly Party[]).includes(party)) {
    return { ok: false, code: 'FORBIDDEN', message: `A ${party.toLowerCase()} may not do this` };
  }
  if (!(rule.from as readonly BookingStatus[]).includes(status)) {
    return { ok: false, code: 'ILLEGAL_TRANSITION', message: `Not possible while the booking is ${status}` };
  }
  return { ok: true, to: status };
}
