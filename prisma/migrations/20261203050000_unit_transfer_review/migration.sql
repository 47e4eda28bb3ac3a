-- AlterEnum
ALTER TYPE "TransferStatus" ADD VALUE 'REJECTED';

-- AlterTable
ALTER TABLE "BankTransfer" ADD COLUMN     "resolution" TEXT,
ADD COLUMN     "resolvedAt" TIMESTAMP(3),
ADD COLUMN     "resolvedById" TEXT;

-- CreateIndex
CREATE INDEX "BankTransfer_status_idx" ON "BankTransfer"("status");

-- AddForeignKey
ALTER TABLE "BankTransfer" ADD CONSTRAINT "BankTransfer_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A rejected transfer was reviewed by someone. Compared as text: a value added to an enum cannot
-- be used in the same transaction that adds it.
ALTER TABLE "BankTransfer" ADD CONSTRAINT "BankTransfer_rejected_resolved" CHECK (
  "status"::text <> 'REJECTED' OR ("resolvedAt" IS NOT NULL AND "resolvedById" IS NOT NULL));
