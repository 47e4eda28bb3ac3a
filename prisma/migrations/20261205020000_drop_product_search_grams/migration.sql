-- Search reads its own read model ("ProductSearch", migration 20261205010000_search_text) since
-- issue 12's fourth round; nothing reads these two generated columns of "Product" any more. They
-- and their GIN index were still written on every product update, a checkout's stock update
-- included: stock is indexed, so such an update is never HOT and wrote ~120 GIN entries for the
-- grams (the search work measured a GIN index on "Product" making stock updates 10x dearer).
-- "searchNameZh"/"searchNameEn" stay (the English name order reads them). "search_grams()" stays
-- too: it is a function, harmless, and an older build's migration history names it.
DROP INDEX IF EXISTS "Product_searchGrams_idx";
ALTER TABLE "Product" DROP COLUMN IF EXISTS "searchGrams", DROP COLUMN IF EXISTS "searchNames";
