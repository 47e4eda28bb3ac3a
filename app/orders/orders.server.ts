import type { PrismaClient } from "~/generated/prisma/client";
import { maskPhone } from "./contact-mask";

/**
 * Everything the order page shows, found by its unguessable token. The link is a bearer token
 * and gets forwarded, so the phone number comes back masked (138****5678), never in full.
 */
export async function getOrderByToken(prisma: PrismaClient, token: string) {
  const order = await prisma.order.findUnique({
    where: { token },
    select: {
      id: true,
      token: true,
      status: true,
      totalFen: true,
      refundedFen: true,
      locale: true,
      contactName: true,
      contactPhone: true,
      contactEmail: true,
      fulfilment: true,
      recipientName: true,
      province: true,
      city: true,
      district: true,
      addressLine: true,
      postalCode: true,
      reservedUntil: true,
      paidAt: true,
      createdAt: true,
      paymentProvider: true,
      onBehalfOf: { select: { slug: true, nameZh: true, nameEn: true } },
      lines: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          productId: true,
          nameZh: true,
          nameEn: true,
          unitZh: true,
          unitEn: true,
          quantity: true,
          unitPriceFen: true,
          lineTotalFen: true,
          certified: true,
          product: { select: { slug: true } },
          cooperative: {
            select: {
              id: true,
              slug: true,
              nameZh: true,
              nameEn: true,
              boothNumber: true,
              countyId: true,
              county: {
                select: {
                  slug: true,
                  nameZh: true,
                  nameEn: true,
                  region: { select: { slug: true, nameZh: true, nameEn: true } },
                },
              },
            },
          },
        },
      },
    },
  });
  return order && { ...order, contactPhone: order.contactPhone && maskPhone(order.contactPhone) };
}
export type OrderView = NonNullable<Awaited<ReturnType<typeof getOrderByToken>>>;

/** Puts an unpaid order's lines back into a cart, e.g. after the buyer cancelled the payment. */
export async function restoreOrderToCart(prisma: PrismaClient, orderId: string, cartId: string) {
  const lines = await prisma.orderLine.findMany({ where: { orderId }, select: { productId: true, quantity: true } });
  for (const line of lines) {
    await prisma.$executeRaw`
      INSERT INTO "CartLine" ("id", "cartId", "productId", "quantity", "updatedAt")
      VALUES (gen_random_uuid()::text, ${cartId}, ${line.productId}, LEAST(${line.quantity}::int, 20), now())
      ON CONFLICT ("cartId", "productId") DO NOTHING`;
  }
}
