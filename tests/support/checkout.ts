import { randomUUID } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import type { CheckoutInput } from "~/orders/checkout-schema";

/** A valid checkout form for booth pickup; override what a test cares about. */
export function checkoutInput(overrides: Partial<CheckoutInput> = {}): CheckoutInput {
  return {
    checkoutKey: randomUUID(),
    contactName: "王小明",
    contactPhone: "13800001234",
    contactEmail: undefined,
    fulfilment: "BOOTH_PICKUP",
    recipientName: undefined,
    province: undefined,
    city: undefined,
    district: undefined,
    addressLine: undefined,
    postalCode: undefined,
    onBehalfOf: undefined,
    ...overrides,
  };
}

/** Total units of a product held by pending orders (the reservation side of "reserved + available = initial"). */
export async function reservedUnits(prisma: PrismaClient, productId: string): Promise<number> {
  const { _sum } = await prisma.orderLine.aggregate({
    where: { productId, order: { status: "PENDING", holdsStock: true } },
    _sum: { quantity: true },
  });
  return _sum.quantity ?? 0;
}
