import { createHash, randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import type { PrismaClient } from "~/generated/prisma/client";
import type { Role } from "~/generated/prisma/enums";
import { matchTotp, newTotpSecret } from "~/accounts/totp.server";

/** bcrypt cost: 10 is the floor the issue sets; each extra step doubles an attacker's work and ours. */
export const BCRYPT_COST = 11;
export const MIN_PASSWORD_LENGTH = 12;
export const SESSION_DAYS = 14;
const RESET_MINUTES = 30;
const INVITE_DAYS = 7;

/** Sliding-window limits on failed sign-ins, counted in the database so every server sees them. */
export const SIGN_IN_LIMITS = { perAccount: 5, perAddress: 20, windowMinutes: 15 };

export type SignInProblem = "invalid" | "locked" | "second-factor-invalid";
export class SignInError extends Error {
  constructor(public readonly problem: SignInProblem) {
    super(problem);
  }
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

// A real hash to compare against when the account does not exist, so the time taken does not
// reveal which emails have accounts.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password-000", BCRYPT_COST);

async function recentFailures(prisma: PrismaClient, key: string, now: Date) {
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000);
  return prisma.signInFailure.count({ where: { key, createdAt: { gte: since } } });
}

/**
 * Checks an email and password. Refuses (without checking the password) an account or address
 * with too many recent failures. Creates a session on success; the session still owes a TOTP
 * code when the user turned on second-factor sign-in.
 */
export async function signIn(
  prisma: PrismaClient,
  args: { email: string; password: string; address: string; now?: Date },
) {
  const now = args.now ?? new Date();
  const email = normaliseEmail(args.email);
  const accountKey = `account:${email}`;
  const addressKey = `address:${args.address}`;
  const [byAccount, byAddress] = await Promise.all([
    recentFailures(prisma, accountKey, now),
    recentFailures(prisma, addressKey, now),
  ]);
  if (byAccount >= SIGN_IN_LIMITS.perAccount || byAddress >= SIGN_IN_LIMITS.perAddress) throw new SignInError("locked");

  const user = await prisma.user.findUnique({ where: { email } });
  const ok = await bcrypt.compare(args.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    await prisma.signInFailure.createMany({ data: [{ key: accountKey }, { key: addressKey }] });
    throw new SignInError("invalid");
  }
  return createSession(prisma, user.id, { pendingSecondFactor: user.totpEnabled, now });
}

export async function createSession(
  prisma: PrismaClient,
  userId: string,
  opts: { pendingSecondFactor?: boolean; now?: Date } = {},
) {
  const now = opts.now ?? new Date();
  return prisma.userSession.create({
    data: {
      id: newToken(),
      userId,
      pendingSecondFactor: opts.pendingSecondFactor ?? false,
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
    },
    select: { id: true, pendingSecondFactor: true, expiresAt: true },
  });
}

/**
 * Completes a sign-in that owes a TOTP code: a right code replaces the half session with a full
 * one (a new id, so a session fixed before sign-in is worthless); each code works once.
 */
export async function completeSecondFactor(
  prisma: PrismaClient,
  args: { sessionId: string; code: string; address: string; now?: Date },
) {
  const now = args.now ?? new Date();
  const session = await prisma.userSession.findUnique({ where: { id: args.sessionId }, include: { user: true } });
  if (!session || !session.pendingSecondFactor || session.expiresAt < now || !session.user.totpSecret)
    throw new SignInError("invalid");
  const accountKey = `account:${session.user.email}`;
  if ((await recentFailures(prisma, accountKey, now)) >= SIGN_IN_LIMITS.perAccount) throw new SignInError("locked");
  const step = matchTotp(session.user.totpSecret, args.code.trim(), now.getTime());
  const fresh = step !== null && (session.user.totpLastStep === null || step > session.user.totpLastStep);
  if (!fresh) {
    await prisma.signInFailure.createMany({ data: [{ key: accountKey }, { key: `address:${args.address}` }] });
    throw new SignInError("second-factor-invalid");
  }
  const { count } = await prisma.user.updateMany({
    where: { id: session.userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  if (count === 0) throw new SignInError("second-factor-invalid");
  await prisma.userSession.delete({ where: { id: session.id } });
  return createSession(prisma, session.userId, { now });
}

/** The user behind a full (not half-signed-in) session that has not expired, or null. */
export async function userForSession(prisma: PrismaClient, sessionId: string, now = new Date()) {
  const session = await prisma.userSession.findUnique({
    where: { id: sessionId },
    select: {
      expiresAt: true,
      pendingSecondFactor: true,
      user: {
        select: {
          id: true,
          email: true,
          displayName: true,
          role: true,
          cooperativeId: true,
          organisationId: true,
          totpEnabled: true,
        },
      },
    },
  });
  if (!session || session.pendingSecondFactor || session.expiresAt < now) return null;
  return session.user;
}
export type SessionUser = NonNullable<Awaited<ReturnType<typeof userForSession>>>;

export async function endSession(prisma: PrismaClient, sessionId: string) {
  await prisma.userSession.deleteMany({ where: { id: sessionId } });
}

/**
 * Starts a password reset: a single-use link that expires in 30 minutes. Returns the token for
 * the mailer, or null when no such account exists (the caller says the same thing either way).
 */
export async function startPasswordReset(prisma: PrismaClient, email: string, now = new Date()) {
  const user = await prisma.user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, email: true },
  });
  if (!user) return null;
  const token = newToken();
  await prisma.passwordReset.create({
    data: { tokenHash: sha256(token), userId: user.id, expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000) },
  });
  return { token, email: user.email };
}

export class TokenError extends Error {
  constructor() {
    super("token-invalid");
  }
}

/** Sets a new password from a reset link; the link then stops working, and every session ends. */
export async function resetPassword(prisma: PrismaClient, token: string, password: string, now = new Date()) {
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.passwordReset.updateMany({
      where: { tokenHash: sha256(token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count !== 1) throw new TokenError();
    const reset = await tx.passwordReset.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    await tx.userSession.deleteMany({ where: { userId: reset.userId } });
  });
}

export async function isResetTokenUsable(prisma: PrismaClient, token: string, now = new Date()) {
  return (
    (await prisma.passwordReset.count({
      where: { tokenHash: sha256(token), usedAt: null, expiresAt: { gt: now } },
    })) === 1
  );
}

/**
 * An organiser invites someone to a cooperative's staff, to buy for a unit, or as an organiser:
 * a single-use link. The scope (cooperative or unit) goes with the role; the database checks it.
 */
export async function createInvitation(
  prisma: PrismaClient,
  args: {
    email: string;
    role: Role;
    cooperativeId?: string | null;
    organisationId?: string | null;
    invitedById: string;
    now?: Date;
  },
) {
  const now = args.now ?? new Date();
  const token = newToken();
  const invitation = await prisma.invitation.create({
    data: {
      tokenHash: sha256(token),
      email: normaliseEmail(args.email),
      role: args.role,
      cooperativeId: args.role === "COOPERATIVE_STAFF" ? args.cooperativeId : null,
      organisationId: args.role === "UNIT_BUYER" ? args.organisationId : null,
      invitedById: args.invitedById,
      expiresAt: new Date(now.getTime() + INVITE_DAYS * 86_400_000),
    },
  });
  return { token, invitation };
}

export async function findInvitation(prisma: PrismaClient, token: string, now = new Date()) {
  return prisma.invitation.findFirst({
    where: { tokenHash: sha256(token), acceptedAt: null, expiresAt: { gt: now } },
    select: {
      email: true,
      role: true,
      cooperative: { select: { nameZh: true, nameEn: true } },
      organisation: { select: { nameZh: true, nameEn: true } },
    },
  });
}

/** Accepts an invitation once: creates the account and signs it in. */
export async function acceptInvitation(
  prisma: PrismaClient,
  args: { token: string; password: string; displayName: string; now?: Date },
) {
  const now = args.now ?? new Date();
  const passwordHash = await hashPassword(args.password);
  const userId = await prisma.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { tokenHash: sha256(args.token), acceptedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (count !== 1) throw new TokenError();
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { tokenHash: sha256(args.token) } });
    const user = await tx.user.create({
      data: {
        email: invitation.email,
        displayName: args.displayName,
        passwordHash,
        role: invitation.role,
        cooperativeId: invitation.cooperativeId,
        organisationId: invitation.organisationId,
      },
    });
    return user.id;
  });
  return createSession(prisma, userId, { now });
}

/** Records a console action; the log is append-only (a database trigger refuses edits). */
export async function audit(
  prisma: Pick<PrismaClient, "auditLog">,
  entry: {
    actorId: string | null;
    action: string;
    entity: string;
    entityId: string;
    before?: unknown;
    after?: unknown;
  },
) {
  await prisma.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: entry.before === undefined ? undefined : JSON.parse(JSON.stringify(entry.before)),
      after: entry.after === undefined ? undefined : JSON.parse(JSON.stringify(entry.after)),
    },
  });
}

/**
 * Turning on second-factor sign-in takes two steps: a secret is proposed (shown to the user as a
 * QR link and as text), and only a right code from their app turns it on, so nobody locks
 * themselves out with a secret their app never saw.
 */
export async function proposeTotpSecret(prisma: PrismaClient, userId: string) {
  const secret = newTotpSecret();
  await prisma.user.update({
    where: { id: userId },
    data: { totpSecret: secret, totpEnabled: false, totpLastStep: null },
  });
  return secret;
}

export async function enableTotp(
  prisma: PrismaClient,
  userId: string,
  code: string,
  now = new Date(),
): Promise<boolean> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecret: true, totpEnabled: true },
  });
  if (!user.totpSecret || user.totpEnabled) return false;
  const step = matchTotp(user.totpSecret, code.trim(), now.getTime());
  if (step === null) return false;
  const { count } = await prisma.user.updateMany({
    where: { id: userId, totpEnabled: false },
    data: { totpEnabled: true, totpLastStep: step },
  });
  return count === 1;
}

export async function disableTotp(prisma: PrismaClient, userId: string) {
  await prisma.user.update({
    where: { id: userId },
    data: { totpEnabled: false, totpSecret: null, totpLastStep: null },
  });
}
