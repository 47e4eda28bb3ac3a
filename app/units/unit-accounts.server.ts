// Buying units as organisers keep them: an organisation with a buyer kind (单位), its invoice
// details, its buyers and the invitations still open. Buyers join through the console's existing
// invitation flow (role UNIT_BUYER, scoped to the unit).
import type { PrismaClient } from "~/generated/prisma/client";
import type { OrganisationKind } from "~/generated/prisma/enums";
import type { UnitInput, UnitKindValue } from "./unit-admin-schema";

// The organisation kind a new unit is filed under in the attribution report's organisation lists.
const ORGANISATION_KIND: Record<UnitKindValue, OrganisationKind> = {
  AGENCY: "DISTRICT_GOVERNMENT",
  STATE_FIRM: "STATE_OWNED_ENTERPRISE",
  COMPANY: "PRIVATE_ENTERPRISE",
  UNION: "SOCIAL_ORGANISATION",
  OTHER: "SOCIAL_ORGANISATION",
};

export class UnitAccountError extends Error {
  constructor(public readonly problem: "slug-taken") {
    super(problem);
  }
}

/** Every unit with its buyers and open invitations, by Chinese name. */
export async function listUnits(prisma: PrismaClient, now = new Date()) {
  return prisma.organisation.findMany({
    where: { buyerKind: { not: null } },
    orderBy: { nameZh: "asc" },
    select: {
      id: true,
      slug: true,
      nameZh: true,
      nameEn: true,
      buyerKind: true,
      invoiceTitle: true,
      creditCode: true,
      buyers: { select: { email: true, displayName: true }, orderBy: { email: "asc" } },
      invitations: {
        where: { acceptedAt: null, expiresAt: { gt: now } },
        select: { email: true, expiresAt: true },
        orderBy: { createdAt: "desc" },
      },
      _count: { select: { orders: true, pledges: true } },
    },
  });
}

/** Units for a select: id and names. */
export function unitOptions(prisma: PrismaClient) {
  return prisma.organisation.findMany({
    where: { buyerKind: { not: null } },
    orderBy: { nameZh: "asc" },
    select: { id: true, nameZh: true, nameEn: true },
  });
}

/** Registers a buying unit. A slug already used by any organisation is refused, nothing written. */
export async function createUnit(prisma: PrismaClient, input: UnitInput) {
  if (await prisma.organisation.count({ where: { slug: input.slug } })) throw new UnitAccountError("slug-taken");
  return prisma.organisation.create({
    data: {
      slug: input.slug,
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      kind: ORGANISATION_KIND[input.buyerKind],
      buyerKind: input.buyerKind,
      invoiceTitle: input.invoiceTitle || input.nameZh,
      creditCode: input.creditCode,
    },
    select: { id: true, slug: true },
  });
}

export const isUnit = async (prisma: PrismaClient, organisationId: string) =>
  (await prisma.organisation.count({ where: { id: organisationId, buyerKind: { not: null } } })) === 1;

/** Pledges, newest first, with the unit's name. */
export function listPledges(prisma: PrismaClient, take = 200) {
  return prisma.pledge.findMany({
    orderBy: [{ signedOn: "desc" }, { createdAt: "desc" }],
    take,
    select: {
      id: true,
      amountFen: true,
      signedOn: true,
      notes: true,
      organisation: { select: { id: true, nameZh: true, nameEn: true } },
    },
  });
}
