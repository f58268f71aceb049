-- One trigger function for the three household_members events (was three copies differing only
-- in which transition tables they read): each event's trigger passes the households it touched.
CREATE FUNCTION household_members_names_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_household_member_names(ARRAY(SELECT household_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM refresh_household_member_names(ARRAY(SELECT household_id FROM new_rows UNION SELECT household_id FROM old_rows));
  ELSE
    PERFORM refresh_household_member_names(ARRAY(SELECT household_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER household_members_names_inserted ON household_members;
--> statement-breakpoint
DROP TRIGGER household_members_names_updated ON household_members;
--> statement-breakpoint
DROP TRIGGER household_members_names_deleted ON household_members;
--> statement-breakpoint
CREATE TRIGGER household_members_names_inserted AFTER INSERT ON household_members
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION household_members_names_changed();
--> statement-breakpoint
CREATE TRIGGER household_members_names_updated AFTER UPDATE ON household_members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION household_members_names_changed();
--> statement-breakpoint
CREATE TRIGGER household_members_names_deleted AFTER DELETE ON household_members
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION household_members_names_changed();
--> statement-breakpoint
DROP FUNCTION household_members_names_inserted();
--> statement-breakpoint
DROP FUNCTION household_members_names_updated();
--> statement-breakpoint
DROP FUNCTION household_members_names_deleted();
