CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"household_id" uuid NOT NULL,
	"reference_date" date NOT NULL,
	"trigger" varchar(10) NOT NULL,
	"run_id" uuid,
	"classification" varchar(24) NOT NULL,
	"per_capita_monthly_fen" bigint NOT NULL,
	"standard_monthly_fen" bigint NOT NULL,
	"dibao_amount_fen" bigint,
	"result" jsonb NOT NULL,
	"explanation" jsonb NOT NULL,
	"parameters_used" jsonb NOT NULL,
	"inputs_digest" varchar(64) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_status_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"household_id" uuid NOT NULL,
	"from_status" varchar(16),
	"to_status" varchar(16) NOT NULL,
	"effective_month" date NOT NULL,
	"monthly_amount_fen" bigint NOT NULL,
	"assessment_id" uuid,
	"reason" text NOT NULL,
	"decided_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_statuses" (
	"household_id" uuid PRIMARY KEY NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"programme" varchar(16) DEFAULT 'DIBAO' NOT NULL,
	"status" varchar(16) NOT NULL,
	"monthly_amount_fen" bigint NOT NULL,
	"since_month" date NOT NULL,
	"gradual_exit_from" date,
	"gradual_exit_until" date,
	"last_assessment_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expenditure_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"household_id" uuid NOT NULL,
	"person_id" uuid,
	"expenditure_type" varchar(32) NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"source" varchar(16) NOT NULL,
	"source_detail" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "person_policy_facts" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"means_test_exclusion" varchar(32),
	"self_care" jsonb,
	"obligors" jsonb,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reassessment_results" (
	"run_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"before_classification" varchar(24),
	"after_classification" varchar(24) NOT NULL,
	"before_amount_fen" bigint DEFAULT 0 NOT NULL,
	"after_amount_fen" bigint DEFAULT 0 NOT NULL,
	"change" varchar(20) NOT NULL,
	"error_code" varchar(48),
	CONSTRAINT "reassessment_results_run_id_household_id_pk" PRIMARY KEY("run_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "reassessment_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mode" varchar(10) NOT NULL,
	"parameter_version_ids" uuid[] NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"reference_date" date NOT NULL,
	"status" varchar(10) DEFAULT 'QUEUED' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"cursor" uuid,
	"summary" jsonb,
	"error" text,
	"based_on_run_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "policy_parameters" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "policy_parameters" ADD COLUMN "reviewed_by" uuid;--> statement-breakpoint
ALTER TABLE "policy_parameters" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "policy_parameters" ADD COLUMN "review_note" text;--> statement-breakpoint
CREATE INDEX "assessments_household_idx" ON "assessments" USING btree ("household_id","created_at");--> statement-breakpoint
CREATE INDEX "benefit_status_events_household_idx" ON "benefit_status_events" USING btree ("household_id","created_at");--> statement-breakpoint
CREATE INDEX "expenditure_items_household_idx" ON "expenditure_items" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "reassessment_results_change_idx" ON "reassessment_results" USING btree ("run_id","change");--> statement-breakpoint
CREATE INDEX "policy_parameters_status_idx" ON "policy_parameters" USING btree ("status");