-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('REQUESTED', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('SALE', 'REFUND');

-- CreateEnum
CREATE TYPE "LedgerTarget" AS ENUM ('COOPERATIVE', 'COUNTY', 'REGION', 'ORGANISATION_ASSISTED', 'ORGANISATION_DIRECT');

-- CreateTable
CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "status" "RefundStatus" NOT NULL DEFAULT 'REQUESTED',
    "reason" TEXT NOT NULL DEFAULT '',
    "providerRefundId" TEXT,
    "requestedBy" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RefundLine" (
    "id" TEXT NOT NULL,
    "refundId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "amountFen" INTEGER NOT NULL,

    CONSTRAINT "RefundLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" BIGSERIAL NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "target" "LedgerTarget" NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "refundId" TEXT,
    "productId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "organisationId" TEXT,
    "certified" BOOLEAN NOT NULL,
    "channel" "SalesChannel" NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Refund_providerRefundId_key" ON "Refund"("providerRefundId");

-- CreateIndex
CREATE INDEX "Refund_orderId_idx" ON "Refund"("orderId");

-- CreateIndex
CREATE INDEX "RefundLine_refundId_idx" ON "RefundLine"("refundId");

-- CreateIndex
CREATE INDEX "RefundLine_orderLineId_idx" ON "RefundLine"("orderLineId");

-- CreateIndex
CREATE INDEX "LedgerEntry_target_occurredAt_idx" ON "LedgerEntry"("target", "occurredAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_orderId_idx" ON "LedgerEntry"("orderId");

-- CreateIndex
CREATE INDEX "LedgerEntry_orderLineId_idx" ON "LedgerEntry"("orderLineId");

-- CreateIndex
CREATE INDEX "LedgerEntry_refundId_idx" ON "LedgerEntry"("refundId");

-- CreateIndex
CREATE INDEX "LedgerEntry_cooperativeId_target_idx" ON "LedgerEntry"("cooperativeId", "target");

-- CreateIndex
CREATE INDEX "LedgerEntry_countyId_target_idx" ON "LedgerEntry"("countyId", "target");

-- CreateIndex
CREATE INDEX "LedgerEntry_regionId_target_idx" ON "LedgerEntry"("regionId", "target");

-- CreateIndex
CREATE INDEX "LedgerEntry_organisationId_target_idx" ON "LedgerEntry"("organisationId", "target");

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundLine" ADD CONSTRAINT "RefundLine_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "Refund"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundLine" ADD CONSTRAINT "RefundLine_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "Refund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Rules the database holds itself.
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_amount_positive" CHECK ("amountFen" > 0);
ALTER TABLE "RefundLine" ADD CONSTRAINT "RefundLine_amounts" CHECK ("quantity" > 0 AND "amountFen" > 0);
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_sign" CHECK (("kind" = 'SALE' AND "amountFen" >= 0) OR ("kind" = 'REFUND' AND "amountFen" <= 0));
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_refund_link" CHECK (("kind" = 'REFUND') = ("refundId" IS NOT NULL));
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_organisation_target" CHECK (("target" IN ('ORGANISATION_ASSISTED', 'ORGANISATION_DIRECT')) = ("organisationId" IS NOT NULL));

-- The ledger is append-only: history is corrected by new entries, never by rewriting old ones.
CREATE FUNCTION "ledger_entry_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'LedgerEntry is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER "LedgerEntry_append_only" BEFORE UPDATE OR DELETE ON "LedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION "ledger_entry_is_append_only"();
CREATE TRIGGER "LedgerEntry_no_truncate" BEFORE TRUNCATE ON "LedgerEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_entry_is_append_only"();
