-- Read paths of the public catalogue (docs/decisions/009-catalogue-queries.md).

-- Search: the text a product's names are matched against (lower-cased, apostrophes dropped, the
-- two names joined by a separator no word can contain), and its character unigrams and bigrams.
-- A query word's bigrams (or its one character) must all be in the array before the word is
-- matched against the text itself, and a GIN index finds those rows. Chinese words are mostly two
-- characters (普洱, 核桃), which trigram indexes (pg_trgm) cannot narrow down; bigrams can.
CREATE FUNCTION "search_grams"(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
    SELECT substr(t, i, 1) AS g FROM generate_series(1, char_length(t)) AS i
    UNION ALL
    SELECT substr(t, i, 2) FROM generate_series(1, char_length(t) - 1) AS i
  ) AS grams
  WHERE g !~ '[[:space:]\x1f]'
$$;

-- What a query word must find in search_grams: its bigrams, or the character itself.
CREATE FUNCTION "search_query_grams"(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT CASE WHEN char_length(t) < 2 THEN ARRAY[t]
    ELSE (SELECT coalesce(array_agg(DISTINCT substr(t, i, 2)), '{}') FROM generate_series(1, char_length(t) - 1) AS i)
  END
$$;

ALTER TABLE "Product"
  ADD COLUMN "searchNames" TEXT GENERATED ALWAYS AS (
    lower(translate("nameZh" || E'\x1f' || "nameEn", $q$'’‘`$q$, ''))
  ) STORED,
  ADD COLUMN "searchGrams" TEXT[] GENERATED ALWAYS AS (
    "search_grams"(lower(translate("nameZh" || E'\x1f' || "nameEn", $q$'’‘`$q$, '')))
  ) STORED;

CREATE INDEX "Product_searchGrams_idx" ON "Product" USING gin ("searchGrams") WHERE "status" = 'LISTED';

-- The home page's grid: each cooperative's listed product with most stock, one index probe.
CREATE INDEX "Product_grid_pick_idx" ON "Product" ("cooperativeId", "stock" DESC, "slug")
  WHERE "status" = 'LISTED' AND "stock" > 0;

-- Listed goods per category (home and search facets count them; the category page pages them).
CREATE INDEX "Product_categoryId_status_idx" ON "Product" ("categoryId", "status");

-- A cooperative's listed goods: counted (index only) and paged by slug on its page.
CREATE INDEX "Product_cooperativeId_status_slug_idx" ON "Product" ("cooperativeId", "status", "slug");
