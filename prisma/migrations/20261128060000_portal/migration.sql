-- CreateEnum
CREATE TYPE "FulfilmentStatus" AS ENUM ('PACKED', 'SHIPPED', 'PICKED_UP');

-- CreateEnum
CREATE TYPE "CertificationStatus" AS ENUM ('NONE', 'PENDING', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "certificationNote" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "certificationStatus" "CertificationStatus" NOT NULL DEFAULT 'NONE';

-- CreateTable
CREATE TABLE "OrderFulfilment" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "status" "FulfilmentStatus" NOT NULL,
    "trackingNumber" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderFulfilment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Upload" (
    "id" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Upload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrderFulfilment_cooperativeId_idx" ON "OrderFulfilment"("cooperativeId");

-- CreateIndex
CREATE UNIQUE INDEX "OrderFulfilment_orderId_cooperativeId_key" ON "OrderFulfilment"("orderId", "cooperativeId");

-- AddForeignKey
ALTER TABLE "OrderFulfilment" ADD CONSTRAINT "OrderFulfilment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderFulfilment" ADD CONSTRAINT "OrderFulfilment_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Rules the database holds itself.
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_size" CHECK ("sizeBytes" > 0 AND "sizeBytes" <= 5242880 AND "sizeBytes" = octet_length("bytes"));
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_type" CHECK ("contentType" IN ('image/png', 'image/jpeg', 'image/webp'));
ALTER TABLE "OrderFulfilment" ADD CONSTRAINT "OrderFulfilment_tracking" CHECK ("status" <> 'SHIPPED' OR "trackingNumber" IS NOT NULL);
-- Demo products already carrying a certificate count as approved.
UPDATE "Product" SET "certificationStatus" = 'APPROVED' WHERE "certificateNumber" IS NOT NULL;
