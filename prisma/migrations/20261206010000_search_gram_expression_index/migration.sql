-- Search's read model without its stored grams (issue 12, sixth round; docs/search-cost.md).
--
-- Why: "grams" (every character and bigram of "text") was 1,073 of a row's 1,396 bytes, so the
-- ~1,600 rows a one-character word such as 茶 matches lay on 638 of the table's pages, each read
-- to rank the matches. The GIN index now holds the grams of an expression over "text" instead
-- (the same function, "search_text_grams", run once per written row as before), and the rows
-- keep only what the ranking reads: 293 pages for 茶, and the statement that ranks them 5.5 ->
-- 4.0 ms on PGlite, 2.0 -> 1.7 ms on PostgreSQL (medians on the benchmark's fair). A search's
-- bitmap is exact at this size, so the expression is never run again to recheck a row.
--
-- The table is made again rather than altered: a dropped column's bytes stay in every row until
-- the table is rewritten, and it is a read model, filled again from the catalogue below.

DROP TABLE "ProductSearch";

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
    -- no word matches across two names).
    "text" TEXT NOT NULL,

    CONSTRAINT "ProductSearch_pkey" PRIMARY KEY ("productId"),
    CONSTRAINT "ProductSearch_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id")
      ON DELETE CASCADE ON UPDATE CASCADE
) WITH (fillfactor = 90);

-- Only listed goods are searched; the other rows stay, so listing a product again is one update.
-- A query word's grams must all be in a product's: search_text_grams("text") @> search_query_grams(word).
CREATE INDEX "ProductSearch_text_grams_idx" ON "ProductSearch" USING gin ("search_text_grams"("text")) WHERE "listed";

-- As before (migration 20261205010000_search_text), without the grams column, and emptying the
-- new index's list of pending entries.
CREATE OR REPLACE FUNCTION "product_search_refresh"(ids text[]) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO "ProductSearch" ("productId", "listed", "inStock", "slug", "nameZh", "nameEn", "lengthZh", "lengthEn", "text")
  SELECT v."productId", v."listed", v."inStock", v."slug", v."nameZh", v."nameEn", v."lengthZh", v."lengthEn", v."text"
  FROM "ProductSearchSource" v
  WHERE v."productId" = ANY (ids)
  ON CONFLICT ("productId") DO UPDATE SET
    "listed" = EXCLUDED."listed", "inStock" = EXCLUDED."inStock", "slug" = EXCLUDED."slug",
    "nameZh" = EXCLUDED."nameZh", "nameEn" = EXCLUDED."nameEn", "lengthZh" = EXCLUDED."lengthZh",
    "lengthEn" = EXCLUDED."lengthEn", "text" = EXCLUDED."text";
  BEGIN
    PERFORM gin_clean_pending_list('"ProductSearch_text_grams_idx"'::regclass);
  EXCEPTION WHEN insufficient_privilege THEN
    NULL;
  END;
END
$$;

-- The products already there.
SELECT "product_search_refresh"(ARRAY(SELECT p."id" FROM "Product" p));
