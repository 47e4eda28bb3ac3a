-- Search relevance (app/catalog/search.server.ts, docs/benchmarks.md, issue 12): each of a
-- product's names lower-cased without apostrophes, stored, as the relevance order matches the
-- query against them. They were computed per matching row on every search (for 茶, ~1,600 rows,
-- twice each). The same text as the search's haystack of one name.
ALTER TABLE "Product"
  ADD COLUMN "searchNameZh" TEXT GENERATED ALWAYS AS (lower(translate("nameZh", $q$'’‘`$q$, ''))) STORED,
  ADD COLUMN "searchNameEn" TEXT GENERATED ALWAYS AS (lower(translate("nameEn", $q$'’‘`$q$, ''))) STORED;
