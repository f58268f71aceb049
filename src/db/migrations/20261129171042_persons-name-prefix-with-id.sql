DROP INDEX "persons_name_prefix_idx";--> statement-breakpoint
CREATE INDEX "persons_name_prefix_idx" ON "persons" USING btree ("name" text_pattern_ops,"id");