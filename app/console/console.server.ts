import type { PrismaClient } from "~/generated/prisma/client";

/** What an organiser sees first: orders that need a refund, and the latest orders. */
export async function getOrganiserOverview(prisma: PrismaClient) {
  const [needsRefund, recent] = await Promise.all([
    prisma.order.findMany({
      where: { status: "NEEDS_REFUND" },
      orderBy: { paidAt: "asc" },
      select: { id: true, token: true, totalFen: true, paidAt: true, contactName: true },
    }),
    prisma.order.findMany({
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { id: true, token: true, status: true, totalFen: true, createdAt: true, channel: true },
    }),
  ]);
  return { needsRefund, recent };
}

// The cooperative's dashboard lives with the portal's figures: app/portal/portal-sales.server.ts.
