-- Search candidates (modules/search/search.repository.ts, docs/matching.md §2). Hand-written because
-- drizzle cannot declare INCLUDE columns. One category near a point, answered from the index alone
-- (index-only scan): approved, active providers keyed by category and base point, carrying every
-- column ranking reads.
CREATE INDEX IF NOT EXISTS "provider_profiles_search_idx" ON "provider_profiles"
  USING gist ("category_id", ll_to_earth("base_lat", "base_lng"))
  INCLUDE ("id", "user_id", "base_lat", "base_lng", "service_radius_km", "average_rating", "rating_count",
           "aadhaar_verified", "background_verified", "response_time", "reputation_score", "sub_category_ids", "languages")
  WHERE "status" = 'APPROVED' AND "is_active";--> statement-breakpoint
-- The largest service radius of any approved provider bounds the search box (one index probe).
CREATE INDEX IF NOT EXISTS "provider_profiles_radius_idx" ON "provider_profiles" ("service_radius_km")
  WHERE "status" = 'APPROVED' AND "is_active";--> statement-breakpoint
-- The few accounts that are not ACTIVE, excluded from search with one small hashed lookup.
CREATE INDEX IF NOT EXISTS "users_not_active_idx" ON "users" ("id") WHERE "status" <> 'ACTIVE';
