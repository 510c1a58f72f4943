import { doublePrecision, index, integer, jsonb, pgTable, primaryKey, real, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../db/columns';
import { providerProfiles } from '../providers/providers.tables';
import { users } from '../users/users.tables';

/** One row per search (first page): what was asked, what we understood, where. For learning and analytics. */
export const searchLogs = pgTable(
  'search_logs',
  {
    id: id(),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    query: text().notNull(),
    language: text().notNull(),
    interpretation: jsonb().$type<Record<string, unknown>>().notNull(),
    filters: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    lat: doublePrecision().notNull(),
    lng: doublePrecision().notNull(),
    locationText: text(),
    /** The instant the ranking was computed for; later pages reuse it. */
    searchedAt: tstz().notNull(),
    resultCount: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('search_logs_user_idx').on(t.userId, t.createdAt), index('search_logs_created_idx').on(t.createdAt)],
);

/** Which providers were shown for a search, at which rank and score (every page). */
export const searchImpressions = pgTable(
  'search_impressions',
  {
    searchId: uuid()
      .notNull()
      .references(() => searchLogs.id, { onDelete: 'cascade' }),
    providerId: uuid()
      .notNull()
      .references(() => providerProfiles.id, { onDelete: 'cascade' }),
    rank: integer().notNull(),
    matchScore: real().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.searchId, t.providerId] }), index('search_impressions_provider_idx').on(t.providerId)],
);

/** The customer picked a provider from a search's results. */
export const searchSelections = pgTable(
  'search_selections',
  {
    id: id(),
    searchId: uuid()
      .notNull()
      .references(() => searchLogs.id, { onDelete: 'cascade' }),
    providerId: uuid()
      .notNull()
      .references(() => providerProfiles.id, { onDelete: 'cascade' }),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    rank: integer(),
    createdAt: createdAt(),
  },
  (t) => [index('search_selections_search_idx').on(t.searchId)],
);
