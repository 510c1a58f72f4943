'use client';

import '../../../styles/booking.css';
import '../../../styles/payment.css';
import '../../../styles/review.css';
import { useParams } from 'next/navigation';
import { BookingDetail } from '../../../components/booking-detail';

/** /bookings/[id]: one booking of the signed-in customer, from request to review. */
export default function BookingPage() {
  const { id } = useParams<{ id: string }>();
  return <BookingDetail id={id} />;
}
