-- AlterTable
ALTER TABLE "LedgerEntry" ADD COLUMN     "householdsLinked" INTEGER;

-- CreateTable
CREATE TABLE "LedgerDaySeal" (
    "day" DATE NOT NULL,
    "entries" INTEGER NOT NULL,
    "saleFen" BIGINT NOT NULL,
    "refundFen" BIGINT NOT NULL,
    "netFen" BIGINT NOT NULL,
    "digest" TEXT NOT NULL,
    "sealedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerDaySeal_pkey" PRIMARY KEY ("day")
);

-- A seal is written once (sealing is ON CONFLICT DO NOTHING) and never rewritten.
ALTER TABLE "LedgerDaySeal" ADD CONSTRAINT "LedgerDaySeal_digest_hex" CHECK ("digest" ~ '^[0-9a-f]{64}$');
CREATE FUNCTION "ledger_day_seal_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'LedgerDaySeal is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER "LedgerDaySeal_append_only" BEFORE UPDATE OR DELETE ON "LedgerDaySeal"
  FOR EACH ROW EXECUTE FUNCTION "ledger_day_seal_is_append_only"();
