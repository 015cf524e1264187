-- Hand-written. Under row-level security PostgreSQL may not use an index for an operator that is
-- not LEAKPROOF before the policy has filtered the rows, and pg_trgm's `%` / `<%` and LIKE are
-- not; so searchClients read every client of the practice (150 ms at 50,000 clients). These
-- functions run as the tables' owner, where the trigram indexes apply, and enforce the tenant rule
-- themselves: only rows of `practice`, and only when the caller's connection is scoped to it
-- (solace_rls_allows, the policies' own test). The caller still joins "Client" under its policy.

CREATE FUNCTION solace_client_name_matches(practice uuid, term text) RETURNS TABLE (id uuid, score real)
  LANGUAGE sql STABLE SECURITY DEFINER ROWS 100 SET search_path = public, pg_temp
  AS $$
    SELECT c."id",
           greatest(word_similarity(term, solace_client_search_name(c."firstName", c."lastName", c."preferredName")),
                    similarity(term, solace_client_search_name(c."firstName", c."lastName", c."preferredName")))
    FROM "Client" c
    WHERE solace_rls_allows(practice)
      AND c."practiceId" = practice
      AND (term <% solace_client_search_name(c."firstName", c."lastName", c."preferredName")
           OR solace_client_search_name(c."firstName", c."lastName", c."preferredName") % term)
  $$;

-- Phone digits anywhere in the number, or the start of the id as people read it out.
CREATE FUNCTION solace_client_key_matches(practice uuid, phone_digits text, id_prefix text) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER ROWS 100 SET search_path = public, pg_temp
  AS $$
    SELECT c."id" FROM "Client" c
    WHERE solace_rls_allows(practice) AND c."practiceId" = practice
      AND phone_digits IS NOT NULL AND solace_digits(c."phone") LIKE '%' || phone_digits || '%'
    UNION
    SELECT c."id" FROM "Client" c
    WHERE solace_rls_allows(practice) AND c."practiceId" = practice
      AND id_prefix IS NOT NULL AND c."id"::text LIKE id_prefix || '%'
  $$;

REVOKE ALL ON FUNCTION solace_client_name_matches(uuid, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION solace_client_key_matches(uuid, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION solace_client_name_matches(uuid, text) TO solace_app;
GRANT EXECUTE ON FUNCTION solace_client_key_matches(uuid, text, text) TO solace_app;
