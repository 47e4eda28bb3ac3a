-- The category page's order, stored on each product (issue 12: the origin cost of a page). The
-- category page lists a category's goods region by region (the regions' own "sortOrder"), then
-- by cooperative slug, then by product slug (listProducts in app/catalog/browse.server.ts). Its
-- page of 24 ids joined every listed product of the category to its cooperative, county and
-- region and sorted them all on every request: ~2,200 products for the largest category on the
-- benchmark's fair, 3.8–5.3 ms on the embedded database (PostgreSQL in WebAssembly), the page's
-- largest database item. With the two sort keys that live on other tables copied onto "Product",
-- one partial index holds the listed goods of each category in exactly that order, and a page is
-- a range of it (LIMIT/OFFSET on the index, no join, no sort). The region and county pages (by
-- cooperative slug, then product slug) need no join either.
--
-- "listRegionOrder" is the product's region's "sortOrder" (through its cooperative and county),
-- "listCooperativeSlug" its cooperative's "slug": same types and the same (default) collation as
-- the columns they copy, so ordering by them is ordering by the joined columns. Triggers keep them
-- in the same transaction as every write that can change them, so no application code has to
-- remember to and every writer (the portal, the seed, scripts, other server processes) keeps them
-- right:
--   a product inserted, or moved to another cooperative     BEFORE INSERT / UPDATE OF "cooperativeId" on "Product"
--   a cooperative's slug or county changed                  AFTER UPDATE on "Cooperative"
--   a county moved to another region                         AFTER UPDATE on "County"
--   a region's "sortOrder" changed                           AFTER UPDATE on "PairedRegion"
-- The update triggers fire only when a column they copy really changed (an update writing the same
-- value, as the seed's upserts and the console's forms do, costs nothing). Deletes need nothing: the foreign keys refuse to delete a
-- cooperative, county or region that still has goods.
--
-- Not in the Prisma schema, on purpose, like "searchNameZh"/"searchNameEn" and the
-- CategoryListedCount table: the triggers own the columns and no application code writes them
-- (only the raw SQL of listProducts reads them). Declared in the model they would be required
-- fields of every prisma.product.create with nothing to put there; Prisma's INSERT leaves them
-- out, and the BEFORE trigger fills them before PostgreSQL checks NOT NULL, so no DEFAULT is
-- needed (a default would only hide a missing trigger). Nothing compares schema.prisma with the
-- migrations (no `prisma migrate diff` step in CI); a migration drafted with `prisma migrate dev`
-- would propose dropping them, as it would the search columns and the partial indexes. The truth stays the joined tables:
-- app/catalog/list-order.server.test.ts compares the stored order with the joined sort after every
-- kind of change.
ALTER TABLE "Product" ADD COLUMN "listRegionOrder" INTEGER, ADD COLUMN "listCooperativeSlug" TEXT;

UPDATE "Product" p SET "listRegionOrder" = r."sortOrder", "listCooperativeSlug" = c."slug"
FROM "Cooperative" c
JOIN "County" k ON k."id" = c."countyId"
JOIN "PairedRegion" r ON r."id" = k."regionId"
WHERE c."id" = p."cooperativeId";

ALTER TABLE "Product" ALTER COLUMN "listRegionOrder" SET NOT NULL, ALTER COLUMN "listCooperativeSlug" SET NOT NULL;

-- A new product, or one moved to another cooperative: its cooperative's slug and region's order.
-- An unknown cooperative is refused as the foreign key refuses it (same error, same constraint),
-- instead of as a NULL in a column the writer never named.
CREATE FUNCTION "product_list_order_fill"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  SELECT r."sortOrder", c."slug" INTO NEW."listRegionOrder", NEW."listCooperativeSlug"
  FROM "Cooperative" c
  JOIN "County" k ON k."id" = c."countyId"
  JOIN "PairedRegion" r ON r."id" = k."regionId"
  WHERE c."id" = NEW."cooperativeId";
  IF NOT FOUND THEN
    RAISE EXCEPTION 'insert or update on table "Product" violates foreign key constraint "Product_cooperativeId_fkey"'
      USING ERRCODE = 'foreign_key_violation', TABLE = 'Product', CONSTRAINT = 'Product_cooperativeId_fkey',
        DETAIL = format('Key (cooperativeId)=(%s) is not present in table "Cooperative".', NEW."cooperativeId");
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Product_list_order_insert" BEFORE INSERT ON "Product"
  FOR EACH ROW EXECUTE FUNCTION "product_list_order_fill"();

CREATE TRIGGER "Product_list_order_move" BEFORE UPDATE OF "cooperativeId" ON "Product"
  FOR EACH ROW
  WHEN (OLD."cooperativeId" IS DISTINCT FROM NEW."cooperativeId")
  EXECUTE FUNCTION "product_list_order_fill"();

-- A cooperative renamed (slug) or moved to another county: its goods.
CREATE FUNCTION "Cooperative_list_order"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE "Product" p SET "listRegionOrder" = r."sortOrder", "listCooperativeSlug" = NEW."slug"
  FROM "County" k
  JOIN "PairedRegion" r ON r."id" = k."regionId"
  WHERE k."id" = NEW."countyId" AND p."cooperativeId" = NEW."id"
    AND (p."listRegionOrder", p."listCooperativeSlug") IS DISTINCT FROM (r."sortOrder", NEW."slug");
  RETURN NULL;
END
$$;

CREATE TRIGGER "Cooperative_list_order" AFTER UPDATE OF "slug", "countyId" ON "Cooperative"
  FOR EACH ROW
  WHEN (OLD."slug" IS DISTINCT FROM NEW."slug" OR OLD."countyId" IS DISTINCT FROM NEW."countyId")
  EXECUTE FUNCTION "Cooperative_list_order"();

-- A county moved to another region: the goods of its cooperatives.
CREATE FUNCTION "County_list_order"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE "Product" p SET "listRegionOrder" = r."sortOrder"
  FROM "Cooperative" c, "PairedRegion" r
  WHERE c."countyId" = NEW."id" AND p."cooperativeId" = c."id" AND r."id" = NEW."regionId"
    AND p."listRegionOrder" IS DISTINCT FROM r."sortOrder";
  RETURN NULL;
END
$$;

CREATE TRIGGER "County_list_order" AFTER UPDATE OF "regionId" ON "County"
  FOR EACH ROW
  WHEN (OLD."regionId" IS DISTINCT FROM NEW."regionId")
  EXECUTE FUNCTION "County_list_order"();

-- A region's place in the order changed: the goods of its counties' cooperatives.
CREATE FUNCTION "PairedRegion_list_order"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE "Product" p SET "listRegionOrder" = NEW."sortOrder"
  FROM "Cooperative" c
  JOIN "County" k ON k."id" = c."countyId"
  WHERE k."regionId" = NEW."id" AND p."cooperativeId" = c."id"
    AND p."listRegionOrder" IS DISTINCT FROM NEW."sortOrder";
  RETURN NULL;
END
$$;

CREATE TRIGGER "PairedRegion_list_order" AFTER UPDATE OF "sortOrder" ON "PairedRegion"
  FOR EACH ROW
  WHEN (OLD."sortOrder" IS DISTINCT FROM NEW."sortOrder")
  EXECUTE FUNCTION "PairedRegion_list_order"();

-- No index for the region and county pages' order: they find their cooperatives' goods through
-- the cooperativeId index and sort those. Tried on the benchmark's fair, ("listCooperativeSlug",
-- "slug") INCLUDE ("cooperativeId", "id") over the listed goods made the first region's first page
-- faster (PGlite 4.0 -> 2.2 ms, 425 cooperatives) but the largest county's slower (0.8 -> 1.5 ms,
-- 50 cooperatives: the scan skips every other cooperative's goods) and its last page 20 ms under
-- the generic plan of a prepared statement. Dropping the joins alone took the ids of those two
-- pages from 9.4 to 4.0 ms and from 7.8 to 0.8 ms.

-- The category page's ids: the listed goods of one category in the page's order, with the id, so
-- a page is read from the index alone (index only, once the visibility map is set: autovacuum on
-- PostgreSQL, app/utils/embedded-vacuum.server.ts on PGlite). Without the id the planner sorted
-- again for the last pages (fetching ~2,200 rows cost more than sorting them): on the benchmark's
-- fair the last page of the largest category took 2.8 ms that way, 0.5 ms from the index. Partial,
-- like Product_grid_pick_idx: Prisma's schema cannot describe it, the migration is its source.
CREATE INDEX "Product_category_list_idx" ON "Product" ("categoryId", "listRegionOrder", "listCooperativeSlug", "slug")
  INCLUDE ("id") WHERE "status" = 'LISTED';
