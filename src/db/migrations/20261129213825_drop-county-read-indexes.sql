DROP INDEX "assets_county_idx";--> statement-breakpoint
DROP INDEX "household_categories_county_idx";--> statement-breakpoint
DROP INDEX "household_members_county_idx";--> statement-breakpoint
DROP INDEX "income_items_county_idx";--> statement-breakpoint
DROP INDEX "persons_county_idx";--> statement-breakpoint
DROP INDEX "expenditure_items_county_idx";