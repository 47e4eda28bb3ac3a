-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('AGENCY', 'STATE_FIRM', 'COMPANY', 'UNION', 'OTHER');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('REQUESTED', 'ISSUED');

-- CreateEnum
CREATE TYPE "TransferStatus" AS ENUM ('APPLIED', 'HELD');

-- AlterEnum
ALTER TYPE "SalesChannel" ADD VALUE 'UNIT';

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'UNIT_BUYER';

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "buyerKind" "UnitKind",
ADD COLUMN     "creditCode" TEXT,
ADD COLUMN     "invoiceTitle" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "placedById" TEXT,
ADD COLUMN     "transferReference" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "organisationId" TEXT;

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "organisationId" TEXT;

-- CreateTable
CREATE TABLE "OrderRecipient" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "recipient" TEXT NOT NULL,
    "mobile" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "district" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "OrderRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceRequest" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "creditCode" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'REQUESTED',
    "invoiceNumber" TEXT,
    "issuedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InvoiceRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankTransfer" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "receivedOn" DATE NOT NULL,
    "payerName" TEXT NOT NULL,
    "status" "TransferStatus" NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pledge" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "signedOn" DATE NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Pledge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrderRecipient_orderId_idx" ON "OrderRecipient"("orderId");

-- CreateIndex
CREATE INDEX "OrderRecipient_productId_idx" ON "OrderRecipient"("productId");

-- CreateIndex
CREATE INDEX "InvoiceRequest_cooperativeId_status_idx" ON "InvoiceRequest"("cooperativeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceRequest_orderId_cooperativeId_key" ON "InvoiceRequest"("orderId", "cooperativeId");

-- CreateIndex
CREATE INDEX "BankTransfer_orderId_idx" ON "BankTransfer"("orderId");

-- CreateIndex
CREATE INDEX "Pledge_organisationId_idx" ON "Pledge"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_transferReference_key" ON "Order"("transferReference");

-- CreateIndex
CREATE INDEX "Order_placedById_idx" ON "Order"("placedById");

-- CreateIndex
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");

-- CreateIndex
CREATE INDEX "Invitation_organisationId_idx" ON "Invitation"("organisationId");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_placedById_fkey" FOREIGN KEY ("placedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderRecipient" ADD CONSTRAINT "OrderRecipient_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderRecipient" ADD CONSTRAINT "OrderRecipient_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceRequest" ADD CONSTRAINT "InvoiceRequest_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceRequest" ADD CONSTRAINT "InvoiceRequest_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankTransfer" ADD CONSTRAINT "BankTransfer_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankTransfer" ADD CONSTRAINT "BankTransfer_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Scopes: a cooperative's staff has a cooperative, a unit buyer has a unit, an organiser neither.
-- Compared as text: a value added to an enum cannot be used in the same transaction that adds it.
ALTER TABLE "User" DROP CONSTRAINT "User_role_scope";
ALTER TABLE "User" ADD CONSTRAINT "User_role_scope" CHECK (
  (("role"::text = 'COOPERATIVE_STAFF') = ("cooperativeId" IS NOT NULL))
  AND (("role"::text = 'UNIT_BUYER') = ("organisationId" IS NOT NULL)));
ALTER TABLE "Invitation" DROP CONSTRAINT "Invitation_role_scope";
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_role_scope" CHECK (
  (("role"::text = 'COOPERATIVE_STAFF') = ("cooperativeId" IS NOT NULL))
  AND (("role"::text = 'UNIT_BUYER') = ("organisationId" IS NOT NULL)));

ALTER TABLE "OrderRecipient" ADD CONSTRAINT "OrderRecipient_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "InvoiceRequest" ADD CONSTRAINT "InvoiceRequest_amount_positive" CHECK ("amountFen" > 0);
ALTER TABLE "InvoiceRequest" ADD CONSTRAINT "InvoiceRequest_issued" CHECK (
  ("status"::text = 'ISSUED') = ("invoiceNumber" IS NOT NULL AND "issuedOn" IS NOT NULL));
ALTER TABLE "BankTransfer" ADD CONSTRAINT "BankTransfer_amount_positive" CHECK ("amountFen" > 0);
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_amount_positive" CHECK ("amountFen" > 0);
