-- R42 periodic review: each recipient's review class (STABLE: P07, UNSTABLE: P08), the day of the
-- officer's last 核算 of the household, and the day the platform registered it as a recipient,
-- which the review counts from until an officer reviews it (periodic-review.rules.ts). Statuses
-- that exist already take the day of their latest MANUAL decision and of their first recorded
-- transition (Asia/Shanghai).
ALTER TABLE "benefit_statuses" ADD COLUMN "review_class" varchar(10) DEFAULT 'STABLE' NOT NULL;--> statement-breakpoint
ALTER TABLE "benefit_statuses" ADD COLUMN "last_reviewed_on" date;--> statement-breakpoint
ALTER TABLE "benefit_statuses" ADD COLUMN "registered_on" date;--> statement-breakpoint
UPDATE "benefit_statuses" b SET "last_reviewed_on" = m.reviewed_on
  FROM (SELECT household_id, max((created_at AT TIME ZONE 'Asia/Shanghai')::date) AS reviewed_on
          FROM "assessments" WHERE "trigger" = 'MANUAL' GROUP BY household_id) m
 WHERE m.household_id = b.household_id;--> statement-breakpoint
UPDATE "benefit_statuses" b SET "registered_on" = e.registered_on
  FROM (SELECT household_id, min(decided_on) AS registered_on FROM "benefit_status_events" GROUP BY household_id) e
 WHERE e.household_id = b.household_id;
