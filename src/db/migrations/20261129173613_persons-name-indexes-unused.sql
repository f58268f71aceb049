DROP INDEX "persons_name_prefix_idx";--> statement-breakpoint
DROP INDEX "persons_name_trgm_idx";