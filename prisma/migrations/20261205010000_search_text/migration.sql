-- Search (app/catalog/search.server.ts, docs/search-cost.md, issue 12): every name a product is
-- found by, in one stored text per product, with its character unigrams and bigrams behind one
-- GIN index. A query word matched the product's own names (the "searchGrams" index), its
-- cooperative, county and region names and its category names: three index paths per word whose
-- results were unioned, and a one-character word (茶) found ~1,600 of 10,000 products through
-- ~4,100 index entries, after matching 1,000 cooperatives' names with regular expressions. Now a
-- word's products are one probe of this index.
--
-- The text: the product's names, then its cooperative's, county's, region's and category's, each
-- lower-cased without apostrophes and separated by a character no word can contain (so no word
-- matches across two names), the same text the search matched piece by piece before. It is kept
-- by triggers, never by the application: a product's own trigger fills it when the product is
-- written (not on stock or price changes), and renaming a cooperative, county, region or category
-- (or moving a cooperative or county) refreshes the products concerned.

ALTER TABLE "Product"
  ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "searchTextGrams" TEXT[] NOT NULL DEFAULT '{}';

CREATE FUNCTION "Product_search_text_fill"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  SELECT lower(translate(concat_ws(E'\x1f', NEW."nameZh", NEW."nameEn", c."nameZh", c."nameEn", k."nameZh",
           k."nameEn", r."nameZh", r."nameEn", g."nameZh", g."nameEn"), $q$'’‘`$q$, ''))
    INTO NEW."searchText"
    FROM "Cooperative" c
    JOIN "County" k ON k."id" = c."countyId"
    JOIN "PairedRegion" r ON r."id" = k."regionId"
    CROSS JOIN "Category" g
    WHERE c."id" = NEW."cooperativeId" AND g."id" = NEW."categoryId";
  -- No such cooperative or category: the foreign keys refuse the row anyway.
  NEW."searchText" := coalesce(NEW."searchText", '');
  NEW."searchTextGrams" := "search_grams"(NEW."searchText");
  RETURN NEW;
END
$$;

-- Setting "searchText" (to anything) recomputes it: that is how the triggers below refresh it.
CREATE TRIGGER "Product_search_text" BEFORE INSERT OR UPDATE OF "nameZh", "nameEn", "cooperativeId", "categoryId", "searchText", "searchTextGrams"
  ON "Product" FOR EACH ROW EXECUTE FUNCTION "Product_search_text_fill"();

CREATE FUNCTION "Cooperative_search_text_refresh"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE "Product" SET "searchText" = '' WHERE "cooperativeId" = NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Cooperative_search_text" AFTER UPDATE OF "nameZh", "nameEn", "countyId" ON "Cooperative"
  FOR EACH ROW
  WHEN (OLD."nameZh" IS DISTINCT FROM NEW."nameZh" OR OLD."nameEn" IS DISTINCT FROM NEW."nameEn"
        OR OLD."countyId" IS DISTINCT FROM NEW."countyId")
  EXECUTE FUNCTION "Cooperative_search_text_refresh"();

CREATE FUNCTION "County_search_text_refresh"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE "Product" SET "searchText" = ''
    WHERE "cooperativeId" IN (SELECT c."id" FROM "Cooperative" c WHERE c."countyId" = NEW."id");
  RETURN NULL;
END
$$;

CREATE TRIGGER "County_search_text" AFTER UPDATE OF "nameZh", "nameEn", "regionId" ON "County"
  FOR EACH ROW
  WHEN (OLD."nameZh" IS DISTINCT FROM NEW."nameZh" OR OLD."nameEn" IS DISTINCT FROM NEW."nameEn"
        OR OLD."regionId" IS DISTINCT FROM NEW."regionId")
  EXECUTE FUNCTION "County_search_text_refresh"();

CREATE FUNCTION "PairedRegion_search_text_refresh"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE "Product" SET "searchText" = ''
    WHERE "cooperativeId" IN (
      SELECT c."id" FROM "Cooperative" c JOIN "County" k ON k."id" = c."countyId" WHERE k."regionId" = NEW."id");
  RETURN NULL;
END
$$;

CREATE TRIGGER "PairedRegion_search_text" AFTER UPDATE OF "nameZh", "nameEn" ON "PairedRegion"
  FOR EACH ROW
  WHEN (OLD."nameZh" IS DISTINCT FROM NEW."nameZh" OR OLD."nameEn" IS DISTINCT FROM NEW."nameEn")
  EXECUTE FUNCTION "PairedRegion_search_text_refresh"();

CREATE FUNCTION "Category_search_text_refresh"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE "Product" SET "searchText" = '' WHERE "categoryId" = NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Category_search_text" AFTER UPDATE OF "nameZh", "nameEn" ON "Category"
  FOR EACH ROW
  WHEN (OLD."nameZh" IS DISTINCT FROM NEW."nameZh" OR OLD."nameEn" IS DISTINCT FROM NEW."nameEn")
  EXECUTE FUNCTION "Category_search_text_refresh"();

-- The products already there.
UPDATE "Product" SET "searchText" = '';

-- Only listed goods are searched. fastupdate off: every write goes straight into the index, so a
-- search never scans a pending list (the embedded engine has no autovacuum to flush one).
CREATE INDEX "Product_searchTextGrams_idx" ON "Product" USING gin ("searchTextGrams")
  WITH (fastupdate = off) WHERE "status" = 'LISTED';
