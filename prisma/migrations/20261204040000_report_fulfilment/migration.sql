-- How each sale reached its buyer, for the report's channel figures: an online order picked up at
-- the cooperative's booth (线上下单·展位自提) is not a booth sale, and the organisers' headline says
-- so. The ledger does not carry the order's fulfilment, so this rollup keeps it, per Shanghai day,
-- place, certified, channel and fulfilment. Additive only: one table and its own statement-level
-- trigger on LedgerEntry INSERT (beside "LedgerEntry_report_rollups", which it leaves alone), in
-- the same transaction as the sale or refund. An order's fulfilment is chosen at checkout and
-- never changes, so reading it when the entries are written is reading it for good.
CREATE TABLE "ReportFulfilmentDay" (
    "day" DATE NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "certified" BOOLEAN NOT NULL,
    "channel" "SalesChannel" NOT NULL,
    "fulfilment" "Fulfilment" NOT NULL,
    "saleFen" BIGINT NOT NULL DEFAULT 0,
    "refundFen" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "ReportFulfilmentDay_pkey" PRIMARY KEY ("day", "cooperativeId", "countyId", "regionId", "certified", "channel", "fulfilment")
);

-- Rows upserted in primary-key order, as the other rollups are, so concurrent payments lock them
-- in the same order.
CREATE FUNCTION "report_fulfilment_on_ledger_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ReportFulfilmentDay" AS r ("day", "cooperativeId", "countyId", "regionId", "certified", "channel", "fulfilment", "saleFen", "refundFen")
  SELECT ((e."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date,
         e."cooperativeId", e."countyId", e."regionId", e."certified", e."channel", o."fulfilment",
         COALESCE(SUM(e."amountFen") FILTER (WHERE e."kind" = 'SALE'), 0),
         COALESCE(SUM(e."amountFen") FILTER (WHERE e."kind" = 'REFUND'), 0)
  FROM "ledger_inserted" e
  JOIN "Order" o ON o."id" = e."orderId"
  WHERE e."target" = 'COOPERATIVE'
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("day", "cooperativeId", "countyId", "regionId", "certified", "channel", "fulfilment") DO UPDATE
    SET "saleFen" = r."saleFen" + EXCLUDED."saleFen", "refundFen" = r."refundFen" + EXCLUDED."refundFen";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "LedgerEntry_report_fulfilment" AFTER INSERT ON "LedgerEntry"
  REFERENCING NEW TABLE AS "ledger_inserted"
  FOR EACH STATEMENT EXECUTE FUNCTION "report_fulfilment_on_ledger_insert"();

-- Entries written before this migration.
INSERT INTO "ReportFulfilmentDay" ("day", "cooperativeId", "countyId", "regionId", "certified", "channel", "fulfilment", "saleFen", "refundFen")
SELECT ((e."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date,
       e."cooperativeId", e."countyId", e."regionId", e."certified", e."channel", o."fulfilment",
       COALESCE(SUM(e."amountFen") FILTER (WHERE e."kind" = 'SALE'), 0),
       COALESCE(SUM(e."amountFen") FILTER (WHERE e."kind" = 'REFUND'), 0)
FROM "LedgerEntry" e
JOIN "Order" o ON o."id" = e."orderId"
WHERE e."target" = 'COOPERATIVE'
GROUP BY 1, 2, 3, 4, 5, 6, 7;
