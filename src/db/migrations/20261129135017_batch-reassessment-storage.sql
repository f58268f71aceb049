ALTER TABLE "assessments" ALTER COLUMN "explanation" SET DATA TYPE text USING "explanation"::text;--> statement-breakpoint
CREATE INDEX "assets_county_idx" ON "assets" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "household_categories_county_idx" ON "household_categories" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "household_members_county_idx" ON "household_members" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "households_county_no_idx" ON "households" USING btree ("county_code","household_no");--> statement-breakpoint
CREATE INDEX "income_items_county_idx" ON "income_items" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "persons_county_idx" ON "persons" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "expenditure_items_county_idx" ON "expenditure_items" USING btree ("county_code");--> statement-breakpoint
-- Explanations are compressed with lz4 where the server has it (≈ 6× cheaper than pglz for a
-- batch of stored decisions); a build without lz4 (PGlite) keeps the default.
DO $$ BEGIN
  ALTER TABLE "assessments" ALTER COLUMN "explanation" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL;
END $$;
