-- Tenant isolation, second line (ARCHITECTURE rule 2): PostgreSQL row-level security on every
-- practice-owned table. The services connect as `solace_app` (or a login role granted it), which
-- is neither superuser nor BYPASSRLS nor owner of the tables, so these policies always apply to
-- them. Each connection carries the caller's scope (server-kit db/tenant-pool.ts):
--   app.practice_id  the practice from the verified token; only its rows are visible/writable
--   app.system = on  named cross-practice operations (sign-in lookups, provisioning)
-- With neither set, a query sees no rows and cannot write any.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'solace_app') THEN
    CREATE ROLE solace_app NOLOGIN;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO solace_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO solace_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO solace_app;
-- Tables created by later migrations (run by the same owner) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO solace_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO solace_app;
-- The migration history is the owner's business; the audit trail is append-only for the app
-- (its trigger refuses UPDATE/DELETE for everyone; this refuses them before the trigger runs).
REVOKE ALL ON "_prisma_migrations" FROM solace_app;
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM solace_app;

CREATE FUNCTION solace_rls_allows(practice uuid) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(current_setting('app.system', true), '') = 'on'
        OR practice = nullif(current_setting('app.practice_id', true), '')::uuid
  $$;

-- The practice row itself is keyed by "id".
ALTER TABLE "Practice" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "Practice" USING (solace_rls_allows("id")) WITH CHECK (solace_rls_allows("id"));

-- Every table with a "practiceId" column. A test (test/e2e/row-level-security.int.test.ts) fails
-- when a table with "practiceId" has no policy, so later migrations must add theirs.
DO $$
DECLARE
  owned record;
BEGIN
  FOR owned IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'practiceId' AND t.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', owned.table_name);
    EXECUTE format('CREATE POLICY practice_isolation ON %I USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"))', owned.table_name);
  END LOOP;
END
$$;
