-- A stored decision's result and parameters used are kept as JSON text, as its explanation has
-- been since 20261129135017: nothing queries inside them, and parsing them into jsonb was
-- ≈ 7 % of the server's CPU in an applied full-scale re-assessment (docs/benchmarks.md).
ALTER TABLE "assessments" ALTER COLUMN "result" SET DATA TYPE text USING "result"::text;--> statement-breakpoint
ALTER TABLE "assessments" ALTER COLUMN "parameters_used" SET DATA TYPE text USING "parameters_used"::text;--> statement-breakpoint
DO $$ BEGIN
  ALTER TABLE "assessments" ALTER COLUMN "result" SET COMPRESSION lz4;
  ALTER TABLE "assessments" ALTER COLUMN "parameters_used" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL;
END $$;
