-- Search's read model (app/catalog/search.server.ts, docs/search-cost.md, issue 12): one narrow
-- row per product with every name it is found by, the characters and bigrams of those names
-- behind one GIN index, and what the relevance order needs. Kept by triggers, never by the
-- application, so every writer (the portal, the seed, scripts, other server processes) keeps it
-- right.
--
-- Why: a query word matched the product's own names (the "searchGrams" index), its cooperative,
-- county and region names and its category names, three index paths per word whose results were
-- unioned, and then ranked with regular expressions on the wide "Product" rows. For a
-- one-character word (茶: ~1,600 of 10,000 products) that was ~4,100 index entries, 1,000
-- cooperatives' names matched with regular expressions, then ~1,600 rows of "Product" (about 2 KB
-- each) read again and ranked. Now it is one probe of this index and the ranking of ~1,600 narrow
-- rows, without reading "Product" except for the page's 24 cards.

-- A text's characters and bigrams, without whitespace and the name separator: the same set as
-- "search_grams" (migration 20261202100000_catalogue_read_paths), about twice as fast (no regular
-- expression per gram), for the longer text here. Query words use "search_query_grams".
CREATE FUNCTION "search_text_grams"(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT substr(w, i, n) COLLATE "C"), '{}')
  FROM regexp_split_to_table(t, '[[:space:]\x1f]+') AS w,
       generate_series(1, char_length(w)) AS i,
       (VALUES (1), (2)) AS s(n)
  WHERE i + n - 1 <= char_length(w)
$$;

CREATE TABLE "ProductSearch" (
    "productId" TEXT NOT NULL,
    -- status = 'LISTED': only listed goods are searched.
    "listed" BOOLEAN NOT NULL,
    -- stock > 0: in stock ranks first among equally relevant goods.
    "inStock" BOOLEAN NOT NULL,
    "slug" TEXT NOT NULL,
    -- Each name lower-cased without apostrophes (as "Product"."searchNameZh"/"searchNameEn").
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    -- char_length of each name as shown: the shorter name is the closer match.
    "lengthZh" INTEGER NOT NULL,
    "lengthEn" INTEGER NOT NULL,
    -- The product's names, then its cooperative's, county's, region's and category's, each
    -- lower-cased without apostrophes, separated by a character no search word can contain (so
    -- no word matches across two names): the texts the search matched one by one before.
    "text" TEXT NOT NULL,
    "grams" TEXT[] NOT NULL,

    CONSTRAINT "ProductSearch_pkey" PRIMARY KEY ("productId"),
    CONSTRAINT "ProductSearch_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id")
      ON DELETE CASCADE ON UPDATE CASCADE
) WITH (fillfactor = 90);

-- What "ProductSearch" holds for each product, computed from the catalogue.
CREATE VIEW "ProductSearchSource" AS
SELECT p."id" AS "productId",
  p."status" = 'LISTED' AS "listed",
  p."stock" > 0 AS "inStock",
  p."slug",
  lower(translate(p."nameZh", $q$'’‘`$q$, '')) AS "nameZh",
  lower(translate(p."nameEn", $q$'’‘`$q$, '')) AS "nameEn",
  char_length(p."nameZh") AS "lengthZh",
  char_length(p."nameEn") AS "lengthEn",
  lower(translate(concat_ws(E'\x1f', p."nameZh", p."nameEn", c."nameZh", c."nameEn", k."nameZh", k."nameEn",
    r."nameZh", r."nameEn", g."nameZh", g."nameEn"), $q$'’‘`$q$, '')) AS "text"
FROM "Product" p
JOIN "Cooperative" c ON c."id" = p."cooperativeId"
JOIN "County" k ON k."id" = c."countyId"
JOIN "PairedRegion" r ON r."id" = k."regionId"
JOIN "Category" g ON g."id" = p."categoryId";

-- Writes these products' rows again from the catalogue. Then empties the index's list of pending
-- entries: the GIN index takes writes in bulk through that list (a row by row insert of 10,000
-- products' ~120 grams each took 8 s, in bulk 0.7 s), but a search reads the whole list, and
-- the embedded engine has no autovacuum to empty it. Emptying it needs the index's owner (the
-- role that migrates); any other role leaves it to autovacuum.
CREATE FUNCTION "product_search_refresh"(ids text[]) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO "ProductSearch" ("productId", "listed", "inStock", "slug", "nameZh", "nameEn", "lengthZh", "lengthEn", "text", "grams")
  SELECT v."productId", v."listed", v."inStock", v."slug", v."nameZh", v."nameEn", v."lengthZh", v."lengthEn", v."text",
    "search_text_grams"(v."text")
  FROM "ProductSearchSource" v
  WHERE v."productId" = ANY (ids)
  ON CONFLICT ("productId") DO UPDATE SET
    "listed" = EXCLUDED."listed", "inStock" = EXCLUDED."inStock", "slug" = EXCLUDED."slug",
    "nameZh" = EXCLUDED."nameZh", "nameEn" = EXCLUDED."nameEn", "lengthZh" = EXCLUDED."lengthZh",
    "lengthEn" = EXCLUDED."lengthEn", "text" = EXCLUDED."text", "grams" = EXCLUDED."grams";
  BEGIN
    PERFORM gin_clean_pending_list('"ProductSearch_grams_idx"'::regclass);
  EXCEPTION WHEN insufficient_privilege THEN
    NULL;
  END;
END
$$;

-- New products: one statement's rows at once (the bench's fair inserts 10,000 in one).
CREATE FUNCTION "Product_search_insert"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM "product_search_refresh"(ARRAY(SELECT n."id" FROM added n));
  RETURN NULL;
END
$$;

CREATE TRIGGER "Product_search_insert" AFTER INSERT ON "Product"
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION "Product_search_insert"();

-- A product renamed, moved, listed or withdrawn (not a stock or price change: those never fire it).
CREATE FUNCTION "Product_search_update"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM "product_search_refresh"(ARRAY[NEW."id"]);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Product_search_update" AFTER UPDATE OF "nameZh", "nameEn", "cooperativeId", "categoryId", "status", "slug"
  ON "Product" FOR EACH ROW
  WHEN (OLD."nameZh" IS DISTINCT FROM NEW."nameZh" OR OLD."nameEn" IS DISTINCT FROM NEW."nameEn"
        OR OLD."cooperativeId" IS DISTINCT FROM NEW."cooperativeId" OR OLD."categoryId" IS DISTINCT FROM NEW."categoryId"
        OR OLD."status" IS DISTINCT FROM NEW."status" OR OLD."slug" IS DISTINCT FROM NEW."slug")
  EXECUTE FUNCTION "Product_search_update"();

-- Stock: only when a product sells out or comes back (a checkout's other stock changes never fire it).
CREATE FUNCTION "Product_search_stock"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE "ProductSearch" SET "inStock" = NEW."stock" > 0 WHERE "productId" = NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Product_search_stock" AFTER UPDATE OF "stock" ON "Product"
  FOR EACH ROW
  WHEN ((OLD."stock" > 0) IS DISTINCT FROM (NEW."stock" > 0))
  EXECUTE FUNCTION "Product_search_stock"();

-- A cooperative, county, region or category renamed (or a cooperative or county moved): the
-- products found by its names.
CREATE FUNCTION "Cooperative_search_refresh"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM "product_search_refresh"(ARRAY(SELECT p."id" FROM "Product" p WHERE p."cooperativeId" = NEW."id"));
  RETURN NULL;
END
$$;

CREATE TRIGGER "Cooperative_search_refresh" AFTER UPDATE OF "nameZh", "nameEn", "countyId" ON "Cooperative"
  FOR EACH ROW
  WHEN (OLD."nameZh" IS DISTINCT FROM NEW."nameZh" OR OLD."nameEn" IS DISTINCT FROM NEW."nameEn"
        OR OLD."countyId" IS DISTINCT FROM NEW."countyId")
  EXECUTE FUNCTION "Cooperative_search_refresh"();

CREATE FUNCTION "County_search_refresh"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM "product_search_refresh"(ARRAY(
    SELECT p."id" FROM "Product" p JOIN "Cooperative" c ON c."id" = p."cooperativeId" WHERE c."countyId" = NEW."id"));
  RETURN NULL;
END
$$;

CREATE TRIGGER "County_search_refresh" AFTER UPDATE OF "nameZh", "nameEn", "regionId" ON "County"
  FOR EACH ROW
  WHEN (OLD."nameZh" IS DISTINCT FROM NEW."nameZh" OR OLD."nameEn" IS DISTINCT FROM NEW."nameEn"
        OR OLD."regionId" IS DISTINCT FROM NEW."regionId")
  EXECUTE FUNCTION "County_search_refresh"();

CREATE FUNCTION "PairedRegion_search_refresh"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM "product_search_refresh"(ARRAY(
    SELECT p."id" FROM "Product" p JOIN "Cooperative" c ON c."id" = p."cooperativeId"
    JOIN "County" k ON k."id" = c."countyId" WHERE k."regionId" = NEW."id"));
  RETURN NULL;
END
$$;

CREATE TRIGGER "PairedRegion_search_refresh" AFTER UPDATE OF "nameZh", "nameEn" ON "PairedRegion"
  FOR EACH ROW
  WHEN (OLD."nameZh" IS DISTINCT FROM NEW."nameZh" OR OLD."nameEn" IS DISTINCT FROM NEW."nameEn")
  EXECUTE FUNCTION "PairedRegion_search_refresh"();

CREATE FUNCTION "Category_search_refresh"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM "product_search_refresh"(ARRAY(SELECT p."id" FROM "Product" p WHERE p."categoryId" = NEW."id"));
  RETURN NULL;
END
$$;

CREATE TRIGGER "Category_search_refresh" AFTER UPDATE OF "nameZh", "nameEn" ON "Category"
  FOR EACH ROW
  WHEN (OLD."nameZh" IS DISTINCT FROM NEW."nameZh" OR OLD."nameEn" IS DISTINCT FROM NEW."nameEn")
  EXECUTE FUNCTION "Category_search_refresh"();

-- Only listed goods are searched; the other rows stay, so listing a product again is one update.
CREATE INDEX "ProductSearch_grams_idx" ON "ProductSearch" USING gin ("grams") WHERE "listed";

-- The products already there.
SELECT "product_search_refresh"(ARRAY(SELECT p."id" FROM "Product" p));

-- The search page's facets (regions with their counties, categories: app/catalog/search.server.ts)
-- are the same on every request; each server process keeps them, with the version they were read
-- at. Any change to those tables moves the version in the same transaction, and every search reads
-- the version in its own statement (which brings the facets again when it moved), so no process
-- shows facets older than the search results next to them.
CREATE TABLE "SearchFacetsVersion" (
    "id" INTEGER NOT NULL,
    "version" BIGINT NOT NULL,

    CONSTRAINT "SearchFacetsVersion_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "SearchFacetsVersion_one_row" CHECK ("id" = 1)
);

INSERT INTO "SearchFacetsVersion" ("id", "version") VALUES (1, 1);

CREATE FUNCTION "search_facets_changed"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE "SearchFacetsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER "PairedRegion_search_facets" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PairedRegion"
  FOR EACH STATEMENT EXECUTE FUNCTION "search_facets_changed"();
CREATE TRIGGER "County_search_facets" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "County"
  FOR EACH STATEMENT EXECUTE FUNCTION "search_facets_changed"();
CREATE TRIGGER "Category_search_facets" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Category"
  FOR EACH STATEMENT EXECUTE FUNCTION "search_facets_changed"();
