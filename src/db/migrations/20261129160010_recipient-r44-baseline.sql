ALTER TABLE "benefit_statuses" ADD COLUMN "last_counted_by_type" jsonb;--> statement-breakpoint
ALTER TABLE "benefit_statuses" ADD COLUMN "last_per_capita_monthly_fen" bigint;--> statement-breakpoint
-- Existing recipients take the baseline from the decision they point at.
UPDATE "benefit_statuses" b
   SET "last_counted_by_type" = a."result" -> 'countedByType', "last_per_capita_monthly_fen" = a."per_capita_monthly_fen"
  FROM "assessments" a
 WHERE a."id" = b."last_assessment_id";
