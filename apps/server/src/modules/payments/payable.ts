import { rupeesDecimal } from './fees';

type BookingStatus =
  | 'PENDING'
  | 'CONFIRMED'
  | 'REJECTED'
  | 'EXPIRED'
  | 'CANCELLED'
  | 'IN_PROGRESS'
  | 'COMPLETED'
  | 'NO_SHOW'
  | 'DISPUTED';

export interface PayableBooking {
  status: BookingStatus;
  quotedPrice: number;
  finalPrice: number | null;
  cancellationFee: number;
}

export type PayMethod = 'CASH' | 'UPI' | 'ONLINE';

/**
 * What the customer owes for a booking, or null when nothing can be paid now.
 * - Cash / direct UPI: once the job is in progress or done (the price: finalPrice ?? quotedPrice),
 *   or after a cancellation / no-show that carries a fee (the fee).
 * - In-app: from confirmation on (held in escrow until the customer confirms completion).
 */
export function payableAmount(b: PayableBooking, method: PayMethod): number | null {
  const price = b.finalPrice ?? b.quotedPrice;
  if (b.status === 'CANCELLED' || b.status === 'NO_SHOW') {
    return method !== 'ONLINE' && b.cancellationFee > 0 ? b.cancellationFee : null;
  }
  const allowed: BookingStatus[] = method === 'ONLINE' ? ['CONFIRMED', 'IN_PROGRESS', 'COMPLETED'] : ['IN_PROGRESS', 'COMPLETED'];
  return allowed.includes(b.status) && price > 0 ? price : null;
}

/** The `upi://pay` deep link a UPI app (or a QR code of it) understands. */
export function upiPayload(input: { vpa: string; payeeName: string; amountPaise: number; note: string }): string {
  const q = new URLSearchParams({
    pa: input.vpa,
    pn: input.payeeName.slice(0, 50),
    am: rupeesDecimal(input.amountPaise),
    cu: 'INR',
    tn: input.note.slice(0, 50),
  });
  return `upi://pay?${q.toString().replace(/\+/g, '%20')}`;
}
