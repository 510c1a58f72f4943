ALTER TABLE "provider_profiles" ADD COLUMN "working_days" smallint GENERATED ALWAYS AS ((CASE WHEN coalesce(working_hours -> '0', '[]'::jsonb) <> '[]'::jsonb
  OR coalesce(jsonb_path_exists(working_hours -> '6', '$[*] ? (@.end <= @.start)'), false) THEN 1 ELSE 0 END) + (CASE WHEN coalesce(working_hours -> '1', '[]'::jsonb) <> '[]'::jsonb
  OR coalesce(jsonb_path_exists(working_hours -> '0', '$[*] ? (@.end <= @.start)'), false) THEN 2 ELSE 0 END) + (CASE WHEN coalesce(working_hours -> '2', '[]'::jsonb) <> '[]'::jsonb
  OR coalesce(jsonb_path_exists(working_hours -> '1', '$[*] ? (@.end <= @.start)'), false) THEN 4 ELSE 0 END) + (CASE WHEN coalesce(working_hours -> '3', '[]'::jsonb) <> '[]'::jsonb
  OR coalesce(jsonb_path_exists(working_hours -> '2', '$[*] ? (@.end <= @.start)'), false) THEN 8 ELSE 0 END) + (CASE WHEN coalesce(working_hours -> '4', '[]'::jsonb) <> '[]'::jsonb
  OR coalesce(jsonb_path_exists(working_hours -> '3', '$[*] ? (@.end <= @.start)'), false) THEN 16 ELSE 0 END) + (CASE WHEN coalesce(working_hours -> '5', '[]'::jsonb) <> '[]'::jsonb
  OR coalesce(jsonb_path_exists(working_hours -> '4', '$[*] ? (@.end <= @.start)'), false) THEN 32 ELSE 0 END) + (CASE WHEN coalesce(working_hours -> '6', '[]'::jsonb) <> '[]'::jsonb
  OR coalesce(jsonb_path_exists(working_hours -> '5', '$[*] ? (@.end <= @.start)'), false) THEN 64 ELSE 0 END)) STORED NOT NULL;--> statement-breakpoint
-- The search index carries working_days too, so the candidate scan stays index-only (see 0010_search_perf).
DROP INDEX IF EXISTS "provider_profiles_search_idx";--> statement-breakpoint
CREATE INDEX "provider_profiles_search_idx" ON "provider_profiles"
  USING gist ("category_id", ll_to_earth("base_lat", "base_lng"))
  INCLUDE ("id", "user_id", "base_lat", "base_lng", "service_radius_km", "average_rating", "rating_count",
           "aadhaar_verified", "background_verified", "response_time", "reputation_score", "sub_category_ids", "languages",
           "working_days")
  WHERE "status" = 'APPROVED' AND "is_active";
