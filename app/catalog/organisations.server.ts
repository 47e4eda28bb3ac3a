import type { PrismaClient } from "~/generated/prisma/client";

/** Registered organisations a buyer may buy on behalf of (以购代帮), by Chinese name. */
export async function listOrganisationsForCheckout(prisma: PrismaClient) {
  return prisma.organisation.findMany({
    orderBy: { nameZh: "asc" },
    select: { slug: true, nameZh: true, nameEn: true },
  });
}
