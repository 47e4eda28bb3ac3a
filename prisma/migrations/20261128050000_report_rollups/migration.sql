-- Rollups of the attribution ledger for the organisers' report and the public transparency page
-- (docs/decisions/005-report-performance.md). Additive only: four tables and one index, kept
-- up to date by a statement-level trigger on LedgerEntry INSERT, so every payment or refund that
-- writes ledger entries updates the rollups in its own transaction, and no application code has
-- to remember to. The ledger stays the truth: each rollup is a GROUP BY over it, and the report
-- tests compare the two.
--
-- Days and hours are Shanghai time whatever the server's time zone: "occurredAt" is a UTC
-- timestamp without time zone (Prisma's convention), read AT TIME ZONE 'UTC' and shown
-- AT TIME ZONE 'Asia/Shanghai'.
--
-- Amounts are split into sales (>= 0) and refunds (<= 0); net is their sum.

-- Per Shanghai hour, county, certified and channel: headline figures, days, hours, trade/public days.
CREATE TABLE "ReportSalesHour" (
    "hour" TIMESTAMP(0) NOT NULL,
    "regionId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "certified" BOOLEAN NOT NULL,
    "channel" "SalesChannel" NOT NULL,
    "saleFen" BIGINT NOT NULL DEFAULT 0,
    "refundFen" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "ReportSalesHour_pkey" PRIMARY KEY ("hour", "regionId", "countyId", "certified", "channel")
);

-- Per Shanghai day and product (with its cooperative, county, region and category at the time of
-- sale), certified and channel: places, categories, top products and cooperatives, households.
CREATE TABLE "ReportSalesDay" (
    "day" DATE NOT NULL,
    "productId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "certified" BOOLEAN NOT NULL,
    "channel" "SalesChannel" NOT NULL,
    "saleFen" BIGINT NOT NULL DEFAULT 0,
    "refundFen" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "ReportSalesDay_pkey" PRIMARY KEY ("day", "productId", "categoryId", "cooperativeId", "countyId", "regionId", "certified", "channel")
);
CREATE INDEX "ReportSalesDay_cooperativeId_idx" ON "ReportSalesDay"("cooperativeId");
CREATE INDEX "ReportSalesDay_countyId_idx" ON "ReportSalesDay"("countyId");

-- Per Shanghai day, organisation, kind of credit (assisted sale or direct purchase) and the
-- seller's place: organisations, and places with their organisations.
CREATE TABLE "ReportOrganisationDay" (
    "day" DATE NOT NULL,
    "organisationId" TEXT NOT NULL,
    "target" "LedgerTarget" NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "certified" BOOLEAN NOT NULL,
    "channel" "SalesChannel" NOT NULL,
    "saleFen" BIGINT NOT NULL DEFAULT 0,
    "refundFen" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "ReportOrganisationDay_pkey" PRIMARY KEY ("day", "organisationId", "target", "cooperativeId", "countyId", "regionId", "certified", "channel")
);

-- Orders and buyers, for counts of paid orders and distinct buyers under any filter. Buyers and
-- orders get small integer numbers, so counting distinct ones hashes integers, not text.
-- The buyer: their phone (digits only), else their e-mail (lower case), else the order itself.
CREATE TABLE "ReportBuyer" (
    "buyerKey" TEXT NOT NULL,
    "buyerNo" BIGSERIAL NOT NULL,
    CONSTRAINT "ReportBuyer_pkey" PRIMARY KEY ("buyerKey"),
    CONSTRAINT "ReportBuyer_buyerNo_key" UNIQUE ("buyerNo")
);

-- One row per paid order: the whole fair's counts (filtered by day, channel, certified) read only these.
CREATE TABLE "ReportOrder" (
    "orderId" TEXT NOT NULL,
    "orderNo" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "channel" "SalesChannel" NOT NULL,
    "buyerNo" BIGINT NOT NULL,
    -- At least one line of a certified product.
    "certified" BOOLEAN NOT NULL,
    CONSTRAINT "ReportOrder_pkey" PRIMARY KEY ("orderId"),
    CONSTRAINT "ReportOrder_orderNo_key" UNIQUE ("orderNo")
);
CREATE INDEX "ReportOrder_day_idx" ON "ReportOrder"("day", "channel", "certified", "buyerNo");

-- Which orders bought from which cooperative (one row per order, cooperative and certified
-- flag): the counts of a region's, county's or cooperative's orders and buyers.
CREATE TABLE "ReportOrderFact" (
    "orderNo" BIGINT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "certified" BOOLEAN NOT NULL,
    "countyId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "channel" "SalesChannel" NOT NULL,
    "day" DATE NOT NULL,
    "buyerNo" BIGINT NOT NULL,
    CONSTRAINT "ReportOrderFact_pkey" PRIMARY KEY ("orderNo", "cooperativeId", "certified")
);
CREATE INDEX "ReportOrderFact_regionId_idx" ON "ReportOrderFact"("regionId", "day");
CREATE INDEX "ReportOrderFact_countyId_idx" ON "ReportOrderFact"("countyId", "day");
CREATE INDEX "ReportOrderFact_cooperativeId_idx" ON "ReportOrderFact"("cooperativeId", "day");
CREATE INDEX "ReportOrderFact_buyerNo_idx" ON "ReportOrderFact"("buyerNo");

-- Counts kept as they happen, so the usual views count orders and buyers without reading them:
-- a scope is the whole fair ('all', place ''), or one region, county or cooperative; an order or
-- buyer counts in a scope once it has bought a line there (with certifiedOnly: a certified line).
-- Orders per Shanghai day and channel (an order has one of each, so days add up).
CREATE TABLE "ReportOrderCount" (
    "day" DATE NOT NULL,
    "channel" "SalesChannel" NOT NULL,
    "scope" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "certifiedOnly" BOOLEAN NOT NULL,
    "orders" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "ReportOrderCount_pkey" PRIMARY KEY ("scope", "placeId", "certifiedOnly", "day", "channel")
);
-- Distinct buyers ever, per channel ('ANY', 'ONLINE', 'BOOTH'): buyers do not add up over days,
-- so a view limited to some days counts them from ReportOrder / ReportOrderFact instead.
CREATE TABLE "ReportBuyerCount" (
    "scope" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "certifiedOnly" BOOLEAN NOT NULL,
    "channel" TEXT NOT NULL,
    "buyers" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "ReportBuyerCount_pkey" PRIMARY KEY ("scope", "placeId", "certifiedOnly", "channel")
);

-- "Figures last updated": the newest ledger entry, found without reading the ledger.
CREATE INDEX "LedgerEntry_createdAt_idx" ON "LedgerEntry"("createdAt");

-- Orders, buyers and order facts for the sale entries of the given orders (idempotent: an order
-- whose entries come in several statements adds only what is new).
CREATE FUNCTION "report_orders_add"("orderIds" TEXT[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "ReportBuyer" ("buyerKey")
  SELECT DISTINCT COALESCE('tel:' || NULLIF(regexp_replace(o."contactPhone", '[^0-9]', '', 'g'), ''),
                           'mail:' || NULLIF(lower(btrim(o."contactEmail")), ''),
                           'order:' || o."id")
  FROM "Order" o WHERE o."id" = ANY ("orderIds")
  ORDER BY 1
  ON CONFLICT ("buyerKey") DO NOTHING;

  INSERT INTO "ReportOrder" AS r ("orderId", "day", "channel", "buyerNo", "certified")
  SELECT e."orderId", ((min(e."occurredAt") AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date, min(e."channel"::text)::"SalesChannel",
         min(b."buyerNo"), bool_or(e."certified")
  FROM "LedgerEntry" e
  JOIN "Order" o ON o."id" = e."orderId"
  JOIN "ReportBuyer" b ON b."buyerKey" = COALESCE('tel:' || NULLIF(regexp_replace(o."contactPhone", '[^0-9]', '', 'g'), ''),
                                                  'mail:' || NULLIF(lower(btrim(o."contactEmail")), ''),
                                                  'order:' || o."id")
  WHERE e."orderId" = ANY ("orderIds") AND e."target" = 'COOPERATIVE' AND e."kind" = 'SALE'
  GROUP BY e."orderId"
  ORDER BY e."orderId"
  ON CONFLICT ("orderId") DO UPDATE SET "certified" = r."certified" OR EXCLUDED."certified";

  -- A buyer paying for two orders at once is counted once: the second waits for the first here,
  -- and its next statement (a fresh snapshot) sees the first's facts.
  SELECT 1 FROM "ReportBuyer" b
  WHERE b."buyerNo" IN (SELECT r."buyerNo" FROM "ReportOrder" r WHERE r."orderId" = ANY ("orderIds"))
  ORDER BY b."buyerNo"
  FOR UPDATE;

  -- The counting queries below read "ReportOrderFact" as it was before this statement's new facts
  -- (data-modifying CTEs share one snapshot), so "not seen before" means exactly that.
  WITH "newFacts" AS (
    INSERT INTO "ReportOrderFact" ("orderNo", "cooperativeId", "certified", "countyId", "regionId", "channel", "day", "buyerNo")
    SELECT DISTINCT ON (r."orderNo", e."cooperativeId", e."certified")
           r."orderNo", e."cooperativeId", e."certified", e."countyId", e."regionId", r."channel", r."day", r."buyerNo"
    FROM "LedgerEntry" e
    JOIN "ReportOrder" r ON r."orderId" = e."orderId"
    WHERE e."orderId" = ANY ("orderIds") AND e."target" = 'COOPERATIVE' AND e."kind" = 'SALE'
    ORDER BY r."orderNo", e."cooperativeId", e."certified", e."id"
    ON CONFLICT ("orderNo", "cooperativeId", "certified") DO NOTHING
    RETURNING *
  ), "memberships" AS (
    SELECT n.*, s."scope", s."placeId", c."certifiedOnly"
    FROM "newFacts" n
    CROSS JOIN LATERAL (VALUES ('all', ''), ('region', n."regionId"), ('county', n."countyId"), ('cooperative', n."cooperativeId")) s("scope", "placeId")
    CROSS JOIN LATERAL (VALUES (false), (true)) c("certifiedOnly")
    WHERE NOT c."certifiedOnly" OR n."certified"
  ), "newOrders" AS (
    SELECT DISTINCT m."orderNo", m."day", m."channel", m."scope", m."placeId", m."certifiedOnly"
    FROM "memberships" m
    WHERE NOT EXISTS (
      SELECT 1 FROM "ReportOrderFact" f
      WHERE f."orderNo" = m."orderNo" AND (NOT m."certifiedOnly" OR f."certified")
        AND CASE m."scope" WHEN 'all' THEN TRUE WHEN 'region' THEN f."regionId" = m."placeId"
                           WHEN 'county' THEN f."countyId" = m."placeId" ELSE f."cooperativeId" = m."placeId" END)
  ), "orderCounts" AS (
    INSERT INTO "ReportOrderCount" AS r ("day", "channel", "scope", "placeId", "certifiedOnly", "orders")
    SELECT "day", "channel", "scope", "placeId", "certifiedOnly", count(*) FROM "newOrders"
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 3, 4, 5, 1, 2
    ON CONFLICT ("scope", "placeId", "certifiedOnly", "day", "channel") DO UPDATE SET "orders" = r."orders" + EXCLUDED."orders"
    RETURNING 1
  ), "newBuyers" AS (
    SELECT DISTINCT m."buyerNo", m."scope", m."placeId", m."certifiedOnly", h."channel"
    FROM "memberships" m
    CROSS JOIN LATERAL (VALUES ('ANY'), (m."channel"::text)) h("channel")
    WHERE NOT EXISTS (
      SELECT 1 FROM "ReportOrderFact" f
      WHERE f."buyerNo" = m."buyerNo" AND (NOT m."certifiedOnly" OR f."certified")
        AND (h."channel" = 'ANY' OR f."channel"::text = h."channel")
        AND CASE m."scope" WHEN 'all' THEN TRUE WHEN 'region' THEN f."regionId" = m."placeId"
                           WHEN 'county' THEN f."countyId" = m."placeId" ELSE f."cooperativeId" = m."placeId" END)
  )
  INSERT INTO "ReportBuyerCount" AS r ("scope", "placeId", "certifiedOnly", "channel", "buyers")
  SELECT "scope", "placeId", "certifiedOnly", "channel", count(*) FROM "newBuyers"
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("scope", "placeId", "certifiedOnly", "channel") DO UPDATE SET "buyers" = r."buyers" + EXCLUDED."buyers";
$$;

-- One statement of ledger entries (a sale's or a refund's createMany) updates every rollup once.
-- Rows are upserted in primary-key order, so two transactions touching the same rollup rows lock
-- them in the same order and cannot deadlock each other.
CREATE FUNCTION "report_rollups_on_ledger_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ReportSalesHour" AS r ("hour", "regionId", "countyId", "certified", "channel", "saleFen", "refundFen")
  SELECT date_trunc('hour', (e."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai'),
         e."regionId", e."countyId", e."certified", e."channel",
         COALESCE(SUM(e."amountFen") FILTER (WHERE e."kind" = 'SALE'), 0),
         COALESCE(SUM(e."amountFen") FILTER (WHERE e."kind" = 'REFUND'), 0)
  FROM "ledger_inserted" e
  WHERE e."target" = 'COOPERATIVE'
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("hour", "regionId", "countyId", "certified", "channel") DO UPDATE
    SET "saleFen" = r."saleFen" + EXCLUDED."saleFen", "refundFen" = r."refundFen" + EXCLUDED."refundFen";

  INSERT INTO "ReportSalesDay" AS r ("day", "productId", "categoryId", "cooperativeId", "countyId", "regionId", "certified", "channel", "saleFen", "refundFen")
  SELECT ((e."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date,
         e."productId", e."categoryId", e."cooperativeId", e."countyId", e."regionId", e."certified", e."channel",
         COALESCE(SUM(e."amountFen") FILTER (WHERE e."kind" = 'SALE'), 0),
         COALESCE(SUM(e."amountFen") FILTER (WHERE e."kind" = 'REFUND'), 0)
  FROM "ledger_inserted" e
  WHERE e."target" = 'COOPERATIVE'
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("day", "productId", "categoryId", "cooperativeId", "countyId", "regionId", "certified", "channel") DO UPDATE
    SET "saleFen" = r."saleFen" + EXCLUDED."saleFen", "refundFen" = r."refundFen" + EXCLUDED."refundFen";

  INSERT INTO "ReportOrganisationDay" AS r ("day", "organisationId", "target", "cooperativeId", "countyId", "regionId", "certified", "channel", "saleFen", "refundFen")
  SELECT ((e."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date,
         e."organisationId", e."target", e."cooperativeId", e."countyId", e."regionId", e."certified", e."channel",
         COALESCE(SUM(e."amountFen") FILTER (WHERE e."kind" = 'SALE'), 0),
         COALESCE(SUM(e."amountFen") FILTER (WHERE e."kind" = 'REFUND'), 0)
  FROM "ledger_inserted" e
  WHERE e."target" IN ('ORGANISATION_ASSISTED', 'ORGANISATION_DIRECT')
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("day", "organisationId", "target", "cooperativeId", "countyId", "regionId", "certified", "channel") DO UPDATE
    SET "saleFen" = r."saleFen" + EXCLUDED."saleFen", "refundFen" = r."refundFen" + EXCLUDED."refundFen";

  PERFORM "report_orders_add"(ARRAY(SELECT DISTINCT e."orderId" FROM "ledger_inserted" e WHERE e."target" = 'COOPERATIVE' AND e."kind" = 'SALE'));

  RETURN NULL;
END;
$$;

CREATE TRIGGER "LedgerEntry_report_rollups" AFTER INSERT ON "LedgerEntry"
  REFERENCING NEW TABLE AS "ledger_inserted"
  FOR EACH STATEMENT EXECUTE FUNCTION "report_rollups_on_ledger_insert"();

-- Entries written before this migration: the same sums over the whole ledger.
INSERT INTO "ReportSalesHour" ("hour", "regionId", "countyId", "certified", "channel", "saleFen", "refundFen")
SELECT date_trunc('hour', (e."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai'),
       e."regionId", e."countyId", e."certified", e."channel",
       COALESCE(SUM(e."amountFen") FILTER (WHERE e."kind" = 'SALE'), 0),
       COALESCE(SUM(e."amountFen") FILTER (WHERE e."kind" = 'REFUND'), 0)
FROM "LedgerEntry" e
WHERE e."target" = 'COOPERATIVE'
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO "ReportSalesDay" ("day", "productId", "categoryId", "cooperativeId", "countyId", "regionId", "certified", "channel", "saleFen", "refundFen")
SELECT ((e."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date,
       e."productId", e."categoryId", e."cooperativeId", e."countyId", e."regionId", e."certified", e."channel",
       COALESCE(SUM(e."amountFen") FILTER (WHERE e."kind" = 'SALE'), 0),
       COALESCE(SUM(e."amountFen") FILTER (WHERE e."kind" = 'REFUND'), 0)
FROM "LedgerEntry" e
WHERE e."target" = 'COOPERATIVE'
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

INSERT INTO "ReportOrganisationDay" ("day", "organisationId", "target", "cooperativeId", "countyId", "regionId", "certified", "channel", "saleFen", "refundFen")
SELECT ((e."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date,
       e."organisationId", e."target", e."cooperativeId", e."countyId", e."regionId", e."certified", e."channel",
       COALESCE(SUM(e."amountFen") FILTER (WHERE e."kind" = 'SALE'), 0),
       COALESCE(SUM(e."amountFen") FILTER (WHERE e."kind" = 'REFUND'), 0)
FROM "LedgerEntry" e
WHERE e."target" IN ('ORGANISATION_ASSISTED', 'ORGANISATION_DIRECT')
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

SELECT "report_orders_add"(ARRAY(SELECT DISTINCT "orderId" FROM "LedgerEntry" WHERE "target" = 'COOPERATIVE' AND "kind" = 'SALE'));
