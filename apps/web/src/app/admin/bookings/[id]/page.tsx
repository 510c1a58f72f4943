'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { BookingFacts, PaymentsAndLedger, Timeline } from '../../../../components/admin-booking';
import { LoadState, useLoad } from '../../../../components/admin-ui';
import { useI18n } from '../../../../i18n/i18n';
import { getAdminBooking } from '../../../../lib/api-admin';

/** One booking: facts, the full timeline, payments/refunds and the ledger; dispute link when disputed. */
export default function AdminBookingPage() {
  const { t } = useI18n();
  const { id } = useParams<{ id: string }>();
  const { data, error, loading, reload } = useLoad(() => getAdminBooking(id), [id]);
  return (
    <section>
      <p>
        <Link href="/admin/bookings">← {t('admin.nav.bookings')}</Link>
      </p>
      <LoadState loading={loading && !data} error={error} onRetry={() => void reload()}>
        {data && (
          <>
            <h1 className="sr-only">{data.booking.bookingNumber}</h1>
            {(data.dispute.open || data.dispute.resolutions.length > 0) && (
              <p>
                <Link className="btn" href={`/admin/disputes/${data.booking.id}`}>
                  {data.dispute.open ? t('admin.bookings.openDispute') : t('admin.bookings.viewDispute')}
                </Link>
              </p>
            )}
            <BookingFacts d={data} />
            <Timeline d={data} />
            <PaymentsAndLedger d={data} />
          </>
        )}
      </LoadState>
    </section>
  );
}
