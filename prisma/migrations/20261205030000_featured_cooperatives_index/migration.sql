-- The home page's featured cooperatives: those at a booth, the most households linked first
-- (featuredCooperatives in app/catalog/catalog.server.ts). Without an index in that order the
-- statement checked every cooperative at a booth for listed goods and sorted them all (760 on the
-- benchmark's fair, 2.6 ms per home page on PGlite); in index order it stops at the sixth with
-- goods. Partial, like Product_grid_pick_idx: Prisma's schema cannot describe it, the migration is
-- its source.
CREATE INDEX "Cooperative_featured_idx" ON "Cooperative" ("householdsLinked" DESC, "slug")
  WHERE "boothNumber" IS NOT NULL;
