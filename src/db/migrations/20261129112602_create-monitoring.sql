CREATE TABLE "clue_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clue_id" uuid NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"action" varchar(16) NOT NULL,
	"detail" jsonb,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"township_code" varchar(9) NOT NULL,
	"household_id" uuid,
	"person_id" uuid,
	"subject_name" text,
	"subject_id_number" varchar(18),
	"channel" varchar(16) NOT NULL,
	"rule_id" uuid,
	"cause_key" text NOT NULL,
	"level" varchar(8) NOT NULL,
	"target_category" varchar(32) NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"evidence" jsonb NOT NULL,
	"status" varchar(10) NOT NULL,
	"assigned_to" uuid,
	"raised_at" timestamp with time zone NOT NULL,
	"due_date" date NOT NULL,
	"escalation_level" smallint DEFAULT 0 NOT NULL,
	"escalated_at" timestamp with time zone,
	"repeat_count" integer DEFAULT 0 NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"outcome" varchar(20),
	"outcome_reason" text,
	"referred_to" text,
	"assessment_id" uuid,
	"pending_case_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "comparison_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period" varchar(7) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"status" varchar(10) NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"cursor" uuid,
	"raised" integer DEFAULT 0 NOT NULL,
	"merged" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dept_api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"department" varchar(32) NOT NULL,
	"key_prefix" varchar(12) NOT NULL,
	"key_hash" varchar(64) NOT NULL,
	"label" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "dept_api_keys_keyHash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "dept_batch_errors" (
	"batch_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"column" text NOT NULL,
	"code" varchar(48) NOT NULL,
	"params" jsonb,
	"value" text
);
--> statement-breakpoint
CREATE TABLE "dept_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_code" varchar(32) NOT NULL,
	"channel" varchar(8) NOT NULL,
	"file_name" text,
	"content_hash" varchar(64) NOT NULL,
	"content" "bytea",
	"mapping_version" integer,
	"status" varchar(12) NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"matched" integer DEFAULT 0 NOT NULL,
	"unmatched" integer DEFAULT 0 NOT NULL,
	"mismatched" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"facts_applied" integer DEFAULT 0 NOT NULL,
	"clues_raised" integer DEFAULT 0 NOT NULL,
	"failure_code" varchar(48),
	"uploaded_by" uuid,
	"api_key_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dept_field_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_code" varchar(32) NOT NULL,
	"version" integer NOT NULL,
	"mapping" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dept_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"batch_id" uuid NOT NULL,
	"source_code" varchar(32) NOT NULL,
	"row_no" integer NOT NULL,
	"id_number" varchar(18) NOT NULL,
	"name" text,
	"person_id" uuid,
	"household_id" uuid,
	"match_status" varchar(16) NOT NULL,
	"event_date" date,
	"amount_fen" bigint,
	"data" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pending_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"household_id" uuid,
	"person_id" uuid,
	"programme" varchar(20) NOT NULL,
	"clue_id" uuid,
	"status" varchar(12) DEFAULT 'PENDING' NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clue_id" uuid NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"accuracy_m" double precision,
	"checklist" jsonb NOT NULL,
	"findings" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"mime_type" varchar(32) NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warning_rule_regions" (
	"rule_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"enabled" boolean NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "warning_rule_regions_rule_id_region_code_pk" PRIMARY KEY("rule_id","region_code")
);
--> statement-breakpoint
CREATE TABLE "warning_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(40) NOT NULL,
	"name" text NOT NULL,
	"kind" varchar(40) NOT NULL,
	"params" jsonb NOT NULL,
	"level" varchar(8) NOT NULL,
	"target_category" varchar(32) NOT NULL,
	"deadline_working_days" smallint NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "warning_rules_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE INDEX "clue_events_clue_idx" ON "clue_events" USING btree ("clue_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "clues_open_cause_uq" ON "clues" USING btree ("cause_key") WHERE "clues"."status" <> 'CLOSED';--> statement-breakpoint
CREATE INDEX "clues_region_status_idx" ON "clues" USING btree ("region_code" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "clues_due_idx" ON "clues" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "clues_household_idx" ON "clues" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "clues_rule_idx" ON "clues" USING btree ("rule_id","status");--> statement-breakpoint
CREATE INDEX "dept_batch_errors_batch_idx" ON "dept_batch_errors" USING btree ("batch_id","row_no");--> statement-breakpoint
CREATE UNIQUE INDEX "dept_batches_content_uq" ON "dept_batches" USING btree ("source_code","content_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "dept_field_mappings_version_uq" ON "dept_field_mappings" USING btree ("source_code","version");--> statement-breakpoint
CREATE INDEX "dept_records_person_idx" ON "dept_records" USING btree ("person_id","source_code","event_date");--> statement-breakpoint
CREATE INDEX "dept_records_batch_idx" ON "dept_records" USING btree ("batch_id","row_no");--> statement-breakpoint
CREATE INDEX "dept_records_id_number_idx" ON "dept_records" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "pending_cases_household_idx" ON "pending_cases" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "site_visits_clue_idx" ON "site_visits" USING btree ("clue_id");--> statement-breakpoint
CREATE INDEX "visit_photos_visit_idx" ON "visit_photos" USING btree ("visit_id");