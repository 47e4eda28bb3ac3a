-- How many listed goods each category has, kept by the write path (issue 12: the origin cost of a
-- page). The home, category and search pages show every category with its count; counting them on
-- every request read an index entry per listed product (~10,000 on the benchmark's fair), which on
-- the embedded database (PostgreSQL in WebAssembly) was most of the category page's database time.
--
-- A row trigger on Product keeps the counts in the same transaction as any change of a product's
-- status or category (and as inserts and deletes), so no application code has to remember to and
-- several servers always agree. It does nothing for other updates (stock, price, names): checkout
-- never touches these rows. Like the report rollups, the table is not a Prisma model on purpose;
-- only raw SQL in app/catalog/catalog.server.ts reads it. The truth stays Product: the counts are a
-- GROUP BY over it (app/catalog/category-counts.server.test.ts compares the two).
CREATE TABLE "CategoryListedCount" (
    "categoryId" TEXT NOT NULL,
    "listed" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "CategoryListedCount_pkey" PRIMARY KEY ("categoryId"),
    CONSTRAINT "CategoryListedCount_listed_nonnegative" CHECK ("listed" >= 0)
);

INSERT INTO "CategoryListedCount" ("categoryId", "listed")
SELECT "categoryId", count(*)::int FROM "Product" WHERE "status" = 'LISTED' GROUP BY "categoryId";

CREATE FUNCTION "CategoryListedCount_track"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."status" = NEW."status" AND OLD."categoryId" = NEW."categoryId" THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD."status" = 'LISTED' THEN
    UPDATE "CategoryListedCount" SET "listed" = "listed" - 1 WHERE "categoryId" = OLD."categoryId";
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."status" = 'LISTED' THEN
    INSERT INTO "CategoryListedCount" ("categoryId", "listed") VALUES (NEW."categoryId", 1)
    ON CONFLICT ("categoryId") DO UPDATE SET "listed" = "CategoryListedCount"."listed" + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Product_category_listed_count"
AFTER INSERT OR DELETE OR UPDATE OF "status", "categoryId" ON "Product"
FOR EACH ROW EXECUTE FUNCTION "CategoryListedCount_track"();
