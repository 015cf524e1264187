-- CreateIndex
CREATE INDEX "Client_practiceId_dateOfBirth_idx" ON "Client"("practiceId", "dateOfBirth");


-- Hand-written: typo-tolerant client search for the autocomplete (searchClients).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The normalised name the trigram index holds; queries must use the same expression to use it.
CREATE FUNCTION solace_client_search_name(first_name text, last_name text, preferred_name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(first_name || ' ' || last_name || coalesce(' ' || preferred_name, '')) $$;

-- A phone number as its digits, however it was typed.
CREATE FUNCTION solace_digits(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT regexp_replace(coalesce(value, ''), '[^0-9]', '', 'g') $$;

CREATE INDEX "Client_search_name_trgm_idx" ON "Client" USING GIN (solace_client_search_name("firstName", "lastName", "preferredName") gin_trgm_ops);
CREATE INDEX "Client_phone_digits_trgm_idx" ON "Client" USING GIN (solace_digits("phone") gin_trgm_ops);
CREATE INDEX "Client_id_text_idx" ON "Client" (("id"::text) text_pattern_ops);
