-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('PENDING', 'PAID', 'PARTLY_REFUNDED', 'REFUNDED', 'EXPIRED', 'FAILED', 'NEEDS_REFUND');

-- CreateEnum
CREATE TYPE "Fulfilment" AS ENUM ('BOOTH_PICKUP', 'DELIVERY');

-- CreateEnum
CREATE TYPE "SalesChannel" AS ENUM ('ONLINE', 'BOOTH');

-- CreateTable
CREATE TABLE "Fair" (
    "id" TEXT NOT NULL DEFAULT 'current',
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "venueZh" TEXT NOT NULL,
    "venueEn" TEXT NOT NULL,
    "tradeDaysStart" DATE NOT NULL,
    "tradeDaysEnd" DATE NOT NULL,
    "publicDaysStart" DATE NOT NULL,
    "publicDaysEnd" DATE NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Fair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cart" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CartLine" (
    "id" TEXT NOT NULL,
    "cartId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CartLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "checkoutKey" TEXT NOT NULL,
    "status" "OrderStatus" NOT NULL DEFAULT 'PENDING',
    "channel" "SalesChannel" NOT NULL DEFAULT 'ONLINE',
    "locale" TEXT NOT NULL DEFAULT 'zh',
    "currency" TEXT NOT NULL DEFAULT 'cny',
    "totalFen" INTEGER NOT NULL,
    "refundedFen" INTEGER NOT NULL DEFAULT 0,
    "contactName" TEXT NOT NULL,
    "contactPhone" TEXT,
    "contactEmail" TEXT,
    "fulfilment" "Fulfilment" NOT NULL,
    "recipientName" TEXT,
    "province" TEXT,
    "city" TEXT,
    "district" TEXT,
    "addressLine" TEXT,
    "postalCode" TEXT,
    "onBehalfOfId" TEXT,
    "reservedUntil" TIMESTAMP(3) NOT NULL,
    "holdsStock" BOOLEAN NOT NULL DEFAULT true,
    "paymentProvider" TEXT NOT NULL DEFAULT 'test',
    "paymentReference" TEXT,
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderLine" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "unitZh" TEXT NOT NULL,
    "unitEn" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPriceFen" INTEGER NOT NULL,
    "lineTotalFen" INTEGER NOT NULL,
    "certified" BOOLEAN NOT NULL,
    "refundedQuantity" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentEvent" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "orderId" TEXT,
    "amountFen" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CartLine_productId_idx" ON "CartLine"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "CartLine_cartId_productId_key" ON "CartLine"("cartId", "productId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_token_key" ON "Order"("token");

-- CreateIndex
CREATE UNIQUE INDEX "Order_checkoutKey_key" ON "Order"("checkoutKey");

-- CreateIndex
CREATE INDEX "Order_status_reservedUntil_idx" ON "Order"("status", "reservedUntil");

-- CreateIndex
CREATE INDEX "Order_onBehalfOfId_idx" ON "Order"("onBehalfOfId");

-- CreateIndex
CREATE INDEX "Order_createdAt_idx" ON "Order"("createdAt");

-- CreateIndex
CREATE INDEX "OrderLine_orderId_idx" ON "OrderLine"("orderId");

-- CreateIndex
CREATE INDEX "OrderLine_productId_idx" ON "OrderLine"("productId");

-- CreateIndex
CREATE INDEX "OrderLine_cooperativeId_idx" ON "OrderLine"("cooperativeId");

-- CreateIndex
CREATE INDEX "PaymentEvent_orderId_idx" ON "PaymentEvent"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentEvent_provider_eventId_key" ON "PaymentEvent"("provider", "eventId");

-- AddForeignKey
ALTER TABLE "CartLine" ADD CONSTRAINT "CartLine_cartId_fkey" FOREIGN KEY ("cartId") REFERENCES "Cart"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CartLine" ADD CONSTRAINT "CartLine_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_onBehalfOfId_fkey" FOREIGN KEY ("onBehalfOfId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentEvent" ADD CONSTRAINT "PaymentEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Rules the database holds itself.
ALTER TABLE "CartLine" ADD CONSTRAINT "CartLine_quantity_range" CHECK ("quantity" BETWEEN 1 AND 20);
ALTER TABLE "Order" ADD CONSTRAINT "Order_total_positive" CHECK ("totalFen" > 0);
ALTER TABLE "Order" ADD CONSTRAINT "Order_refund_within_total" CHECK ("refundedFen" >= 0 AND "refundedFen" <= "totalFen");
ALTER TABLE "Order" ADD CONSTRAINT "Order_contact_present" CHECK ("contactPhone" IS NOT NULL OR "contactEmail" IS NOT NULL);
ALTER TABLE "Order" ADD CONSTRAINT "Order_delivery_address" CHECK ("fulfilment" <> 'DELIVERY' OR ("recipientName" IS NOT NULL AND "province" IS NOT NULL AND "city" IS NOT NULL AND "addressLine" IS NOT NULL));
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_amounts" CHECK ("quantity" > 0 AND "unitPriceFen" > 0 AND "lineTotalFen" = "quantity" * "unitPriceFen");
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_refunded_within_quantity" CHECK ("refundedQuantity" >= 0 AND "refundedQuantity" <= "quantity");
ALTER TABLE "Fair" ADD CONSTRAINT "Fair_days_in_order" CHECK ("tradeDaysStart" <= "tradeDaysEnd" AND "tradeDaysEnd" <= "publicDaysStart" AND "publicDaysStart" <= "publicDaysEnd");
