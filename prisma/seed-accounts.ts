/**
 * Demo accounts for the embedded database only (boot.server.ts and db:seed call this only on
 * PGlite): one organiser and one staff member per cooperative, with development passwords listed
 * in the README. Never run against a DATABASE_URL server. Idempotent.
 */
import type { PrismaClient } from "../app/generated/prisma/client";
import { hashPassword } from "../app/accounts/accounts.server";

export const DEMO_ORGANISER = { email: "organiser@fair.example", password: "fair-organiser-2026" };
export const DEMO_STAFF_PASSWORD = "fair-cooperative-2026";
export const demoStaffEmail = (cooperativeSlug: string) => `${cooperativeSlug}@coop.fair.example`;

export async function seedDemoAccounts(prisma: PrismaClient) {
  const [organiserHash, staffHash] = await Promise.all([
    hashPassword(DEMO_ORGANISER.password),
    hashPassword(DEMO_STAFF_PASSWORD),
  ]);
  await prisma.user.upsert({
    where: { email: DEMO_ORGANISER.email },
    create: {
      email: DEMO_ORGANISER.email,
      displayName: "展会组织方（演示）",
      passwordHash: organiserHash,
      role: "ORGANISER",
    },
    update: {},
  });
  const cooperatives = await prisma.cooperative.findMany({ select: { id: true, slug: true, nameZh: true } });
  for (const coop of cooperatives) {
    const email = demoStaffEmail(coop.slug);
    await prisma.user.upsert({
      where: { email },
      create: {
        email,
        displayName: `${coop.nameZh}（演示）`,
        passwordHash: staffHash,
        role: "COOPERATIVE_STAFF",
        cooperativeId: coop.id,
      },
      update: {},
    });
  }
  return { organisers: 1, staff: cooperatives.length };
}
