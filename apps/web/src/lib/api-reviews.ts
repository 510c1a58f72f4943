/** The customer's review of a booking: photo uploads, the review itself, and reading it back with its moderation state. */
import type { CreateReviewBody, Review, reviewPhotoSchema } from '@localpro/contracts';
import type { z } from 'zod';
import { request } from './api';
import { sendRaw } from './api-bookings';

export type ReviewPhoto = z.infer<typeof reviewPhotoSchema>;
export type { Review };

export const getMyReview = (bookingId: string) => request<{ review: Review | null }>(`/bookings/${bookingId}/review`);
export const createReview = (body: CreateReviewBody) => request<Review>('/reviews', { method: 'POST', body });

export async function uploadReviewPhoto(file: File): Promise<ReviewPhoto> {
  const form = new FormData();
  form.append('file', file);
  const res = await sendRaw('/reviews/photos', { method: 'POST', body: form });
  return (await res.json()) as ReviewPhoto;
}
