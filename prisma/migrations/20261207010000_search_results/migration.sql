-- A word's ranking, kept until the goods it ranks change (issue 12: search at the product page's
-- cost; docs/search-cost.md).
--
-- Why: ranking a common word is most of a search's cost. 茶 matches ~1,600 of the benchmark's
-- 10,000 goods; every search for it counted and sorted all of them (4 ms of PostgreSQL, 7-9 ms of
-- PGlite per request) to show 24, while the order only changes when one of those goods is renamed,
-- listed, withdrawn, moved, or sells out or comes back: what "ProductSearch" holds. A fair's
-- visitors search the same few words all day.
--
-- "SearchResultsVersion" counts changes to "ProductSearch": every row written that differs, in the
-- writer's own transaction, so a ranking stored with version n is exactly what ranking again would
-- give while the version is still n. "SearchResults" keeps, per language and words, the first
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

CREATE FUNCTION "search_results_changed"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE "SearchResultsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END
$$;

-- Per statement, not per row: a region renamed rewrites ~1,400 rows and moves the version once.
CREATE TRIGGER "ProductSearch_results_insert" AFTER INSERT ON "ProductSearch"
  FOR EACH STATEMENT EXECUTE FUNCTION "search_results_changed"();
CREATE TRIGGER "ProductSearch_results_delete" AFTER DELETE OR TRUNCATE ON "ProductSearch"
  FOR EACH STATEMENT EXECUTE FUNCTION "search_results_changed"();
-- An update that changes nothing (a refresh writing the same names) keeps the rankings.
CREATE FUNCTION "search_results_updated"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n."productId" = o."productId" WHERE o IS DISTINCT FROM n)
     OR (SELECT count(*) FROM old_rows) <> (SELECT count(*) FROM new_rows) THEN
    UPDATE "SearchResultsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "ProductSearch_results_update" AFTER UPDATE ON "ProductSearch"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "search_results_updated"();

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
