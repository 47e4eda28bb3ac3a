-- The upper bounds the forms state, held by the database too, so no code path (a stock edit
-- applied as a difference, a released reservation, a script) can store more than a product
-- may have: at most 100000 units in stock, at most ¥100,000.00 a unit.
ALTER TABLE "Product" ADD CONSTRAINT "Product_stock_at_most_max" CHECK ("stock" <= 100000);
ALTER TABLE "Product" ADD CONSTRAINT "Product_priceFen_at_most_max" CHECK ("priceFen" <= 10000000);
