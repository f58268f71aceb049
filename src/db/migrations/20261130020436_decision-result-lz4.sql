-- A stored decision's result (≈ 1.8 KB of JSON) is compressed too once its explanation is,
-- and with the default (pglz) that cost the server ≈ 14 µs of a ≈ 115 µs decision row in an
-- applied run; lz4 where the server has it, as for the explanation (20261129135017).
DO $$ BEGIN
  ALTER TABLE "assessments" ALTER COLUMN "result" SET COMPRESSION lz4;
  ALTER TABLE "assessments" ALTER COLUMN "parameters_used" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL;
END $$;
