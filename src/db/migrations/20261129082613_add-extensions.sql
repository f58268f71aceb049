-- Hand-written: drizzle-kit does not emit CREATE EXTENSION (stack-notes §1).
-- pg_trgm backs fragment search on names, identity numbers and phones.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
