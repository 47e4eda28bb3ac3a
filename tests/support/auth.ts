import type { PrismaClient } from "~/generated/prisma/client";
import { createSession, hashPassword } from "~/accounts/accounts.server";
import { sessionCookieHeader } from "~/accounts/auth.server";
import { upsertCooperative } from "../../prisma/factories";

let counter = 0;
export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

/** A user of the given role (staff get a cooperative of their own, unit buyers a unit, unless one is given). */
export async function createUser(
  prisma: PrismaClient,
  role: "ORGANISER" | "COOPERATIVE_STAFF" | "UNIT_BUYER",
  opts: { cooperativeId?: string; organisationId?: string; email?: string } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const cooperativeId =
    role === "COOPERATIVE_STAFF" ? (opts.cooperativeId ?? (await upsertCooperative(prisma)).id) : null;
  const organisationId =
    role === "UNIT_BUYER"
      ? (opts.organisationId ??
        (
          await prisma.organisation.create({
            data: {
              slug: `unit-${process.pid}-${counter}`,
              nameZh: "测试单位",
              nameEn: "Test unit",
              kind: "STATE_OWNED_ENTERPRISE",
              buyerKind: "STATE_FIRM",
            },
          })
        ).id)
      : null;
  return prisma.user.create({
    data: {
      email: opts.email ?? `user-${process.pid}-${Date.now()}-${counter++}@test.example`,
      passwordHash: await passwordHash,
      role,
      cooperativeId,
      organisationId,
    },
  });
}

/** A fresh signed-in session for a new user of the role: the Cookie header value to send. */
export async function signInAs(
  prisma: PrismaClient,
  role: "ORGANISER" | "COOPERATIVE_STAFF" | "UNIT_BUYER",
  opts: { cooperativeId?: string; organisationId?: string } = {},
) {
  const user = await createUser(prisma, role, opts);
  const session = await createSession(prisma, user.id);
  const cookie = (await sessionCookieHeader(session.id)).split(";")[0]!;
  return { cookie, user };
}
