-- A word's ranking, kept until the goods it ranks change (issue 12: search at the product page's
-- cost; docs/search-cost.md).
--
-- Why: ranking a common word is most of a search's cost. 茶 matches ~1,600 of the benchmark's
-- 10,000 goods; every search for it counted and sorted all of them (4 ms of PostgreSQL, 7-9 ms of
-- PGlite per request) to show 24, while the order only changes when one of those goods is renamed,
-- listed, withdrawn, moved, or sells out or comes back: what "ProductSearch" holds. A fair's
-- visitors search the same few words all day.
--
-- "SearchResultsVersion" counts changes to "ProductSearch": every transaction that writes a row
-- that differs moves it, committing with the change, so a ranking stored with version n is
-- exactly what ranking again would give while the version is still n. "SearchResults" keeps, per
-- language, page size and words, the first
-- pages of the ranking (ids in order) and the total, with the version it was made at; a search
-- uses it only at the current version. Several servers share both tables.
--
-- Unlogged, as the rate-limit counters: it is derived data; after a crash of the database server
-- it starts empty, and searches rank again.

CREATE TABLE "SearchResultsVersion" (
    "id" INTEGER NOT NULL,
    "version" BIGINT NOT NULL,

    CONSTRAINT "SearchResultsVersion_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "SearchResultsVersion_one_row" CHECK ("id" = 1)
);

INSERT INTO "SearchResultsVersion" ("id", "version") VALUES (1, 1);

-- Moved at the end of the writer's transaction (deferred constraint triggers), once per
-- transaction. Why deferred: a checkout that sells out a product would otherwise hold this one
-- row's lock from that update to its commit, and two checkouts each selling out one product and
-- then wanting a row the other holds would wait for each other in a cycle. At commit the
-- transaction takes no other lock after it, so whoever holds it is about to let it go.
CREATE FUNCTION "search_results_changed"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF current_setting('fair.search_results_moved', true) IS DISTINCT FROM 'yes' THEN
    UPDATE "SearchResultsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
    PERFORM set_config('fair.search_results_moved', 'yes', true);
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "ProductSearch_results_changed" AFTER INSERT OR DELETE ON "ProductSearch"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "search_results_changed"();
-- An update that changes nothing (a refresh writing the same names) keeps the rankings.
CREATE CONSTRAINT TRIGGER "ProductSearch_results_updated" AFTER UPDATE ON "ProductSearch"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "search_results_changed"();
-- TRUNCATE fires no row triggers: it moves the version at once.
CREATE TRIGGER "ProductSearch_results_truncated" AFTER TRUNCATE ON "ProductSearch"
  FOR EACH STATEMENT EXECUTE FUNCTION "search_results_changed"();

CREATE UNLOGGED TABLE "SearchResults" (
    -- The language and the search's words ("zh 茶"): the ranking depends on nothing else.
    "key" TEXT NOT NULL,
    "version" BIGINT NOT NULL,
    -- The first pages of the ranking, product ids in order.
    "ids" TEXT[] NOT NULL,
    -- How many goods the words match in all.
    "total" INTEGER NOT NULL,
    "storedAt" TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT "SearchResults_pkey" PRIMARY KEY ("key")
);
