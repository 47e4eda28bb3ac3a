import type { z } from "zod";
import { cacheKeys, purgeAfterCommit } from "~/utils/cache-purge.server";
import type { PrismaClient, Prisma } from "~/generated/prisma/client";
import { isUniqueViolation } from "~/utils/db-errors.server";
import type {
  ApproveCertificationSchema,
  CooperativeSchema,
  CountySchema,
  FairSchema,
  OrganisationSchema,
  PartnershipInput,
  RegionSchema,
} from "~/console/admin-schema";
import { audit } from "~/accounts/accounts.server";

/** A change an organiser asked for that the data does not allow (a taken slug, say). */
export class AdminError extends Error {
  constructor(
    public readonly field: string,
    public readonly messageKey: string,
  ) {
    super(messageKey);
  }
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Runs one console write and its audit entry in one transaction: the log can never miss a
 * change, nor record one that did not happen.
 */
async function audited<T extends { id: string }>(
  prisma: PrismaClient,
  actorId: string,
  entry: { action: string; entity: string; before: (tx: Prisma.TransactionClient) => Promise<unknown> },
  write: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  try {
    const result = await prisma.$transaction(async (tx) => {
      // Read "before" inside the transaction (and through it: PGlite has a single connection).
      const before = await entry.before(tx);
      const after = await write(tx);
      await audit(tx, {
        actorId,
        action: entry.action,
        entity: entry.entity,
        entityId: after.id,
        before: before ?? undefined,
        after,
      });
      return after;
    });
    // Regions, counties, cooperatives, partnerships, certificates and the fair's dates all show
    // on catalogue pages: organisers' edits are rare, so every catalogue page is refreshed.
    purgeAfterCommit([cacheKeys.catalogue]);
    return result;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AdminError("slug", "admin.error.taken");
    throw error;
  }
}

export function saveRegion(
  prisma: PrismaClient,
  actorId: string,
  id: string | null,
  data: z.infer<typeof RegionSchema>,
) {
  return audited(
    prisma,
    actorId,
    {
      action: id ? "update" : "create",
      entity: "PairedRegion",
      before: async (tx) => (id ? tx.pairedRegion.findUnique({ where: { id } }) : null),
    },
    (tx) => (id ? tx.pairedRegion.update({ where: { id }, data }) : tx.pairedRegion.create({ data })),
  );
}

export function saveCounty(
  prisma: PrismaClient,
  actorId: string,
  id: string | null,
  data: z.infer<typeof CountySchema>,
) {
  return audited(
    prisma,
    actorId,
    {
      action: id ? "update" : "create",
      entity: "County",
      before: async (tx) => (id ? tx.county.findUnique({ where: { id } }) : null),
    },
    (tx) => (id ? tx.county.update({ where: { id }, data }) : tx.county.create({ data })),
  );
}

export function saveCooperative(
  prisma: PrismaClient,
  actorId: string,
  id: string | null,
  data: z.infer<typeof CooperativeSchema>,
) {
  return audited(
    prisma,
    actorId,
    {
      action: id ? "update" : "create",
      entity: "Cooperative",
      before: async (tx) => (id ? tx.cooperative.findUnique({ where: { id } }) : null),
    },
    (tx) => (id ? tx.cooperative.update({ where: { id }, data }) : tx.cooperative.create({ data })),
  );
}

export function saveOrganisation(
  prisma: PrismaClient,
  actorId: string,
  id: string | null,
  data: z.infer<typeof OrganisationSchema>,
) {
  return audited(
    prisma,
    actorId,
    {
      action: id ? "update" : "create",
      entity: "Organisation",
      before: async (tx) => (id ? tx.organisation.findUnique({ where: { id } }) : null),
    },
    (tx) => (id ? tx.organisation.update({ where: { id }, data }) : tx.organisation.create({ data })),
  );
}

/** Pairs an organisation with a cooperative or a county, or changes the weight of an existing pairing. */
export async function savePartnership(prisma: PrismaClient, actorId: string, data: PartnershipInput) {
  const existing = await prisma.partnership.findFirst({
    where: { organisationId: data.organisationId, cooperativeId: data.cooperativeId, countyId: data.countyId },
  });
  return audited(
    prisma,
    actorId,
    { action: existing ? "update" : "create", entity: "Partnership", before: async () => existing },
    (tx) =>
      existing
        ? tx.partnership.update({ where: { id: existing.id }, data: { weight: data.weight } })
        : tx.partnership.create({ data }),
  );
}

export function deletePartnership(prisma: PrismaClient, actorId: string, id: string) {
  return audited(
    prisma,
    actorId,
    { action: "delete", entity: "Partnership", before: async (tx) => tx.partnership.findUnique({ where: { id } }) },
    (tx) => tx.partnership.delete({ where: { id } }),
  );
}

/** Approves a product as a certified assistance product, with its certificate. */
export function approveCertification(
  prisma: PrismaClient,
  actorId: string,
  productId: string,
  data: z.infer<typeof ApproveCertificationSchema>,
) {
  return audited(
    prisma,
    actorId,
    { action: "certify", entity: "Product", before: async (tx) => certificationView(tx, productId) },
    async (tx) => {
      await tx.product.update({
        where: { id: productId },
        data: {
          certificationStatus: "APPROVED",
          certificationNote: "",
          certificateNumber: data.certificateNumber,
          certifyingBody: data.certifyingBody,
          certifiedFrom: day(data.certifiedFrom),
          certifiedUntil: day(data.certifiedUntil),
        },
      });
      return certificationView(tx, productId);
    },
  ).catch((error: unknown) => {
    if (error instanceof AdminError) throw new AdminError("certificateNumber", "admin.error.certificateTaken");
    throw error;
  });
}

export function rejectCertification(prisma: PrismaClient, actorId: string, productId: string, reason: string) {
  return audited(
    prisma,
    actorId,
    { action: "reject-certification", entity: "Product", before: async (tx) => certificationView(tx, productId) },
    async (tx) => {
      await tx.product.update({
        where: { id: productId },
        data: { certificationStatus: "REJECTED", certificationNote: reason },
      });
      return certificationView(tx, productId);
    },
  );
}

function certificationView(prisma: Pick<PrismaClient, "product">, productId: string) {
  return prisma.product.findUniqueOrThrow({
    where: { id: productId },
    select: {
      id: true,
      slug: true,
      certificationStatus: true,
      certificationNote: true,
      certificateNumber: true,
      certifyingBody: true,
      certifiedFrom: true,
      certifiedUntil: true,
    },
  });
}

export function saveFair(prisma: PrismaClient, actorId: string, data: z.infer<typeof FairSchema>) {
  const row = {
    nameZh: data.nameZh,
    nameEn: data.nameEn,
    venueZh: data.venueZh,
    venueEn: data.venueEn,
    tradeDaysStart: day(data.tradeDaysStart),
    tradeDaysEnd: day(data.tradeDaysEnd),
    publicDaysStart: day(data.publicDaysStart),
    publicDaysEnd: day(data.publicDaysEnd),
  };
  return audited(
    prisma,
    actorId,
    { action: "update", entity: "Fair", before: async (tx) => tx.fair.findUnique({ where: { id: "current" } }) },
    (tx) => tx.fair.upsert({ where: { id: "current" }, create: { id: "current", ...row }, update: row }),
  );
}

/** What the console's management pages list. */
export async function getCatalogueAdmin(prisma: PrismaClient) {
  const [regions, counties, cooperatives, organisations, partnerships] = await Promise.all([
    prisma.pairedRegion.findMany({ orderBy: [{ sortOrder: "asc" }, { nameZh: "asc" }] }),
    prisma.county.findMany({ orderBy: { nameZh: "asc" } }),
    prisma.cooperative.findMany({ orderBy: { nameZh: "asc" } }),
    prisma.organisation.findMany({ orderBy: { nameZh: "asc" } }),
    prisma.partnership.findMany({
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        weight: true,
        organisation: { select: { id: true, nameZh: true, nameEn: true } },
        cooperative: { select: { id: true, nameZh: true, nameEn: true } },
        county: { select: { id: true, nameZh: true, nameEn: true } },
      },
    }),
  ]);
  return { regions, counties, cooperatives, organisations, partnerships };
}

export async function getCertificationQueue(prisma: PrismaClient) {
  return prisma.product.findMany({
    where: { certificationStatus: { in: ["PENDING", "REJECTED"] } },
    orderBy: [{ certificationStatus: "asc" }, { updatedAt: "asc" }],
    select: {
      id: true,
      slug: true,
      nameZh: true,
      nameEn: true,
      certificationStatus: true,
      certificationNote: true,
      cooperative: { select: { nameZh: true, nameEn: true } },
    },
  });
}

export async function getAuditLog(prisma: PrismaClient, { take = 100 } = {}) {
  return prisma.auditLog.findMany({
    orderBy: { id: "desc" },
    take,
    select: {
      id: true,
      action: true,
      entity: true,
      entityId: true,
      before: true,
      after: true,
      createdAt: true,
      actor: { select: { email: true } },
    },
  });
}
