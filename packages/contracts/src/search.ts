import { z } from 'zod';

/** POST /api/search, its selection log, and geocoding. */

const uuid = z.string().uuid();
export const coordinatesSchema = z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });

export const searchFiltersSchema = z.strictObject({
  categoryId: uuid.optional(),
  subCategoryId: uuid.optional(),
  minRating: z.number().min(0).max(5).optional(),
  /** Paise: only providers whose lowest matching price is at most this. */
  maxPrice: z.number().int().min(1).max(100_000_000).optional(),
  maxDistanceKm: z.number().gt(0).max(50).optional(),
  verifiedOnly: z.boolean().optional(),
  /** ISO 8601 instant with an offset; only providers free then. */
  availableAt: z.iso.datetime({ offset: true }).optional(),
});
export type SearchFilters = z.infer<typeof searchFiltersSchema>;

export const searchRequestSchema = z.strictObject({
  /** Free text in English, Hindi or Hinglish. Longer than 500 characters → 400 QUERY_TOO_LONG. */
  query: z.string().max(20_000),
  location: z.union([coordinatesSchema, z.strictObject({ text: z.string().trim().min(1).max(200) })]),
  filters: searchFiltersSchema.optional(),
  cursor: z.string().max(400).optional(),
});
export type SearchRequest = z.infer<typeof searchRequestSchema>;

const bilingual = z.object({ en: z.string(), hi: z.string() });
export const scorePartSchema = z.object({
  component: z.enum(['rating', 'verification', 'responseTime', 'distance', 'availability', 'personalisation', 'reputationBoost']),
  points: z.number(),
  max: z.number(),
  reason: bilingual,
});

export const requestedTimeSchema = z.object({
  start: z.string(),
  end: z.string(),
  precision: z.enum(['now', 'exact', 'part-of-day', 'day', 'range']),
  text: z.string(),
});

export const searchInterpretationSchema = z.object({
  language: z.enum(['en', 'hi', 'hinglish']),
  categoryId: z.string().nullable(),
  subCategoryId: z.string().nullable(),
  categorySlug: z.string().nullable(),
  subCategorySlug: z.string().nullable(),
  when: requestedTimeSchema.nullable(),
  urgency: z.enum(['normal', 'urgent']),
  locationText: z.string().nullable(),
  /** The query only named a trade ("Plumber"). */
  direct: z.boolean(),
  /** rules, or rules refined by the LLM. */
  source: z.enum(['rules', 'rules+llm']),
});
export type SearchInterpretation = z.infer<typeof searchInterpretationSchema>;

export const searchResultSchema = z.object({
  provider: z.object({
    id: z.string(),
    businessName: z.string().nullable(),
    description: z.string().nullable(),
    city: z.string().nullable(),
    categoryId: z.string().nullable(),
    averageRating: z.number(),
    ratingCount: z.number(),
    completedJobs: z.number(),
    aadhaarVerified: z.boolean(),
    backgroundVerified: z.boolean(),
    languages: z.array(z.string()),
  }),
  matchScore: z.number(),
  scoreBreakdown: z.array(scorePartSchema),
  distanceKm: z.number(),
  /** Lowest matching price in paise; null when the provider lists none. */
  priceFrom: z.number().nullable(),
  /** Next free start (ISO, +05:30) within 7 days, or null. */
  nextAvailableSlot: z.string().nullable(),
  badges: z.array(z.string()),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchResponseSchema = z.object({
  searchId: z.string(),
  interpretation: searchInterpretationSchema,
  location: z.object({ lat: z.number(), lng: z.number(), label: z.string().nullable() }),
  results: z.array(searchResultSchema),
  nextCursor: z.string().nullable(),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;

export const searchSelectParams = z.strictObject({ searchId: uuid });
export const searchSelectBody = z.strictObject({ providerId: uuid });
export const searchSelectResponse = z.object({ searchId: z.string(), providerId: z.string(), rank: z.number().nullable() });

export const geoPlaceSchema = z.object({
  lat: z.number(),
  lng: z.number(),
  label: z.string(),
  city: z.string(),
  pincode: z.string().optional(),
});
export const geocodeQuery = z.strictObject({ q: z.string().trim().min(1).max(200) });
export const geocodeResponse = z.object({ items: z.array(geoPlaceSchema) });
export const reverseGeocodeQuery = z.strictObject({
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
});
export const reverseGeocodeResponse = z.object({ place: geoPlaceSchema.nullable() });
