import type { categoryListResponse } from '@localpro/contracts';
import type { z } from 'zod';
import { request } from './api';

export type CategoryList = z.infer<typeof categoryListResponse>;

let cached: Promise<CategoryList> | null = null;

/** The public catalogue (active categories with sub-categories and their translations); fetched once per page load. */
export function listCategories(): Promise<CategoryList> {
  cached ??= request<CategoryList>('/categories').catch((err: unknown) => {
    cached = null;
    throw err;
  });
  return cached;
}
