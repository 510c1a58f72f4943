import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { type Actor, assertCanAccess } from '../../http/auth';
import { businessRule, notFound } from '../../lib/errors';
import { splitEscrow } from './fees';
import { financialYear, invoiceNumber } from './invoice-number';
import { renderInvoicePdf } from './invoice-pdf';
import * as repo from './payments.repository';

const INVOICEABLE = ['CAPTURED', 'COMPLETED', 'PARTIALLY_REFUNDED'];

/** Invoices: one per paid booking, numbered on first issue (gapless per financial year). */
export function createInvoiceService(deps: { db: Db; config: Config }) {
  const { db } = deps;

  async function ensureInvoice(bookingId: string, paymentId: string) {
    const existing = await repo.findInvoice(db, bookingId);
    if (existing) return existing;
    try {
      return await db.transaction(async (tx) => {
        const now = new Date();
        const fy = financialYear(now);
        const sequence = await repo.nextInvoiceSequence(tx, fy);
        return repo.insertInvoice(tx, {
          bookingId,
          paymentId,
          financialYear: fy,
          sequence,
          number: invoiceNumber(fy, sequence),
          issuedAt: now,
        });
      });
    } catch (err) {
      // A concurrent first request issued it (its transaction rolled our counter increment back too).
      const raced = await repo.findInvoice(db, bookingId);
      if (raced) return raced;
      throw err;
    }
  }

  async function invoicePdf(actor: Actor, bookingId: string) {
    const booking = await repo.findBookingForPayment(db, bookingId);
    if (!booking) throw notFound('Booking');
    assertCanAccess(actor, { customerId: booking.customerId, providerId: booking.providerId }, { notFoundInstead: 'Booking' });
    const payment = await repo.findLivePayment(db, bookingId);
    if (!payment || !INVOICEABLE.includes(payment.status)) {
      throw businessRule('INVOICE_NOT_AVAILABLE', 'An invoice is available once the booking is paid');
    }
    const invoice = await ensureInvoice(bookingId, payment.id);
    const net = payment.amount - payment.refundedAmount;
    let commission = null;
    if (payment.method === 'ONLINE') {
      const s = payment.releasedAt
        ? {
            platformFee: payment.platformFee,
            providerEarnings: payment.providerEarnings,
            gstOnFee: payment.amount - payment.refundedAmount - payment.platformFee - payment.providerEarnings,
          }
        : splitEscrow(net, booking.platformFeeBps, deps.config.GST_RATE_BPS);
      commission = {
        feeBps: booking.platformFeeBps,
        fee: s.platformFee,
        gstBps: deps.config.GST_RATE_BPS,
        gst: Math.max(0, s.gstOnFee),
        providerEarnings: s.providerEarnings,
      };
    }
    const service = [
      booking.categoryNameHi ? `${booking.categoryName} (${booking.categoryNameHi})` : booking.categoryName,
      booking.subCategoryName,
    ].join(' — ');
    const pdf = await renderInvoicePdf({
      number: invoice.number,
      issuedAt: invoice.issuedAt,
      platform: { legalName: deps.config.PLATFORM_LEGAL_NAME, gstin: deps.config.PLATFORM_GSTIN ?? null },
      bookingNumber: booking.bookingNumber,
      serviceDate: booking.scheduledStart,
      service,
      customer: { name: booking.customerName ?? 'Customer', phone: booking.customerPhone, address: booking.serviceAddress ?? '' },
      provider: { name: booking.providerName, gstin: booking.providerGstin, address: booking.providerAddress },
      method: payment.method,
      amount: payment.amount,
      refunded: payment.refundedAmount,
      commission,
    });
    return { number: invoice.number, filename: `${invoice.number.replace(/\//g, '-')}.pdf`, pdf };
  }

  return { invoicePdf, ensureInvoice };
}
export type InvoiceService = ReturnType<typeof createInvoiceService>;
