import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { upsertCooperative } from "../../prisma/factories";
import { createUser, TEST_PASSWORD } from "../../tests/support/auth";
import { withTestDatabase } from "../../tests/support/database";
import { currentStep, newTotpSecret, totpCode } from "~/accounts/totp.server";
import {
  acceptInvitation,
  BCRYPT_COST,
  completeSecondFactor,
  createInvitation,
  resetPassword,
  SIGN_IN_LIMITS,
  signIn,
  SignInError,
  startPasswordReset,
  TokenError,
  userForSession,
} from "./accounts.server";

const t = withTestDatabase();

describe("accounts", () => {
  it("hash passwords with bcrypt at cost 10 or more and sign in with the right one only", async () => {
    const user = await createUser(t.prisma, "ORGANISER", { email: "boss@fair.example" });
    expect(bcrypt.getRounds(user.passwordHash)).toBeGreaterThanOrEqual(10);
    expect(BCRYPT_COST).toBeGreaterThanOrEqual(10);
    const session = await signIn(t.prisma, {
      email: " Boss@Fair.Example ",
      password: TEST_PASSWORD,
      address: "1.1.1.1",
    });
    expect(await userForSession(t.prisma, session.id)).toMatchObject({ email: "boss@fair.example", role: "ORGANISER" });
    await expect(
      signIn(t.prisma, { email: "boss@fair.example", password: "wrong password!!", address: "1.1.1.1" }),
    ).rejects.toEqual(new SignInError("invalid"));
    await expect(
      signIn(t.prisma, { email: "nobody@fair.example", password: TEST_PASSWORD, address: "1.1.1.1" }),
    ).rejects.toEqual(new SignInError("invalid"));
  });

  it("lock an account after too many failures, even for the right password, while others still sign in", async () => {
    await createUser(t.prisma, "ORGANISER", { email: "target@fair.example" });
    await createUser(t.prisma, "ORGANISER", { email: "other@fair.example" });
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      await expect(
        signIn(t.prisma, { email: "target@fair.example", password: `guess number ${i}`, address: `10.0.0.${i}` }),
      ).rejects.toEqual(new SignInError("invalid"));
    }
    await expect(
      signIn(t.prisma, { email: "target@fair.example", password: TEST_PASSWORD, address: "10.9.9.9" }),
    ).rejects.toEqual(new SignInError("locked"));
    await expect(
      signIn(t.prisma, { email: "other@fair.example", password: TEST_PASSWORD, address: "10.9.9.9" }),
    ).resolves.toBeTruthy();
    // The window slides: a quarter of an hour later the account may try again.
    const later = new Date(Date.now() + (SIGN_IN_LIMITS.windowMinutes + 1) * 60_000);
    await expect(
      signIn(t.prisma, { email: "target@fair.example", password: TEST_PASSWORD, address: "10.9.9.9", now: later }),
    ).resolves.toBeTruthy();
  });

  it("limit failures per address across accounts", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
      await signIn(t.prisma, {
        email: `spray${i}@fair.example`,
        password: "password spray",
        address: "203.0.113.7",
      }).catch(() => undefined);
    }
    const victim = await createUser(t.prisma, "ORGANISER");
    await expect(
      signIn(t.prisma, { email: victim.email, password: TEST_PASSWORD, address: "203.0.113.7" }),
    ).rejects.toEqual(new SignInError("locked"));
  });

  it("ask for a TOTP code when second factor is on, accept each code once, and issue a new session id", async () => {
    const secret = newTotpSecret();
    const user = await createUser(t.prisma, "ORGANISER");
    await t.prisma.user.update({ where: { id: user.id }, data: { totpSecret: secret, totpEnabled: true } });
    const half = await signIn(t.prisma, { email: user.email, password: TEST_PASSWORD, address: "a" });
    expect(half.pendingSecondFactor).toBe(true);
    expect(await userForSession(t.prisma, half.id)).toBeNull();
    await expect(
      completeSecondFactor(t.prisma, { sessionId: half.id, code: "000000", address: "a" }),
    ).rejects.toBeInstanceOf(SignInError);
    const code = totpCode(secret, currentStep());
    const full = await completeSecondFactor(t.prisma, { sessionId: half.id, code, address: "a" });
    expect(full.id).not.toBe(half.id);
    expect(await userForSession(t.prisma, full.id)).toMatchObject({ id: user.id });
    const again = await signIn(t.prisma, { email: user.email, password: TEST_PASSWORD, address: "a" });
    await expect(completeSecondFactor(t.prisma, { sessionId: again.id, code, address: "a" })).rejects.toEqual(
      new SignInError("second-factor-invalid"),
    );
  });

  it("reset a password with a single-use link that ends every session", async () => {
    const user = await createUser(t.prisma, "ORGANISER");
    const session = await signIn(t.prisma, { email: user.email, password: TEST_PASSWORD, address: "a" });
    expect(await startPasswordReset(t.prisma, "unknown@fair.example")).toBeNull();
    const reset = (await startPasswordReset(t.prisma, user.email))!;
    await resetPassword(t.prisma, reset.token, "a brand new passphrase");
    expect(await userForSession(t.prisma, session.id)).toBeNull();
    await expect(resetPassword(t.prisma, reset.token, "another new passphrase")).rejects.toBeInstanceOf(TokenError);
    await expect(
      signIn(t.prisma, { email: user.email, password: "a brand new passphrase", address: "a" }),
    ).resolves.toBeTruthy();
    const stale = (await startPasswordReset(t.prisma, user.email))!;
    await expect(
      resetPassword(t.prisma, stale.token, "too late passphrase", new Date(Date.now() + 31 * 60_000)),
    ).rejects.toBeInstanceOf(TokenError);
  });

  it("turn a single-use invitation into a cooperative staff account", async () => {
    const organiser = await createUser(t.prisma, "ORGANISER");
    const coop = await upsertCooperative(t.prisma);
    const { token } = await createInvitation(t.prisma, {
      email: "New.Staff@coop.example",
      role: "COOPERATIVE_STAFF",
      cooperativeId: coop.id,
      invitedById: organiser.id,
    });
    const session = await acceptInvitation(t.prisma, { token, password: "welcome to the fair", displayName: "新同事" });
    expect(await userForSession(t.prisma, session.id)).toMatchObject({
      email: "new.staff@coop.example",
      role: "COOPERATIVE_STAFF",
      cooperativeId: coop.id,
    });
    await expect(
      acceptInvitation(t.prisma, { token, password: "welcome to the fair", displayName: "x" }),
    ).rejects.toBeInstanceOf(TokenError);
  });
});
