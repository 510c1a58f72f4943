/** My account: profile, saved addresses, signed-in devices. */
import type {
  createCustomerAddressBody,
  customerAddressSchema,
  meResponse,
  sessionsResponse,
  updateCustomerAddressBody,
  updateMeBody,
} from '@localpro/contracts';
import type { z } from 'zod';
import { request } from './api';

export type Me = z.infer<typeof meResponse>['user'];
export type Address = z.infer<typeof customerAddressSchema>;
export type NewAddress = z.infer<typeof createCustomerAddressBody>;
export type SessionItem = z.infer<typeof sessionsResponse>['items'][number];

export const getMe = () => request<z.infer<typeof meResponse>>('/me');
export const updateMe = (body: z.infer<typeof updateMeBody>) =>
  request<z.infer<typeof meResponse>>('/me', { method: 'PATCH', body });
export const createAddress = (body: NewAddress) => request<Address>('/me/addresses', { method: 'POST', body });
export const updateAddress = (id: string, body: z.infer<typeof updateCustomerAddressBody>) =>
  request<Address>(`/me/addresses/${id}`, { method: 'PATCH', body });
export const deleteAddress = (id: string) => request<void>(`/me/addresses/${id}`, { method: 'DELETE' });
export const listSessions = () => request<z.infer<typeof sessionsResponse>>('/auth/sessions');
export const revokeSession = (id: string) => request<void>(`/auth/sessions/${id}`, { method: 'DELETE' });
export const signOutEverywhere = () => request<void>('/auth/logout-all', { method: 'POST' });
