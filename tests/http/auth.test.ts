import { describe, expect, it } from "vitest";
import { currentStep, totpCode } from "~/accounts/totp.server";
import { createUser, signInAs, TEST_PASSWORD } from "../support/auth";
import { withTestDatabase } from "../support/database";
import { Buyer, withHttpApp } from "../support/http-app";

const t = withTestDatabase();
const app = withHttpApp();

describe("signing in over HTTP", () => {
  it("sets a signed, httpOnly, SameSite=Lax session cookie and lands an organiser in the console", async () => {
    const user = await createUser(t.prisma, "ORGANISER");
    const browser = new Buyer(app.baseUrl);
    const response = await browser.post("/login", { email: user.email, password: TEST_PASSWORD });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin");
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("fair_session="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await browser.request("/admin")).status).toBe(200);

    const out = await browser.post("/logout", {});
    expect(out.status).toBe(302);
    expect(await t.prisma.userSession.count({ where: { userId: user.id } })).toBe(0);
    expect((await browser.request("/admin")).status).toBe(302);
  });

  it("answers a wrong password in the user's language and changes nothing but the failure count", async () => {
    const user = await createUser(t.prisma, "ORGANISER");
    const response = await new Buyer(app.baseUrl).post("/login", { email: user.email, password: "not the password" });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain("邮箱或密码不正确");
    expect(await t.prisma.userSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("sends a guest to sign in, and refuses each role the other's pages", async () => {
    const guest = await new Buyer(app.baseUrl).request("/admin");
    expect(guest.status).toBe(302);
    expect(guest.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin");
    expect((await new Buyer(app.baseUrl).request("/portal")).status).toBe(302);

    const staff = await signInAs(t.prisma, "COOPERATIVE_STAFF");
    const organiser = await signInAs(t.prisma, "ORGANISER");
    const as = (cookie: string, path: string) =>
      fetch(`${app.baseUrl}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect((await as(staff.cookie, "/admin")).status).toBe(403);
    expect((await as(staff.cookie, "/portal")).status).toBe(200);
    expect((await as(organiser.cookie, "/portal")).status).toBe(403);
    expect((await as(organiser.cookie, "/admin")).status).toBe(200);
    // A forged or tampered cookie is nobody.
    expect((await as(`${organiser.cookie}x`, "/admin")).status).toBe(302);
  });

  it("never redirects a sign-in to another site", async () => {
    const user = await createUser(t.prisma, "ORGANISER");
    const response = await new Buyer(app.baseUrl).post("/login", {
      email: user.email,
      password: TEST_PASSWORD,
      redirectTo: "//evil.example/steal",
    });
    expect(response.headers.get("Location")).toBe("/admin");
  });

  it("sends a sign-in with a tampered redirectTo to the role's home, never elsewhere and never a 500", async () => {
    const user = await createUser(t.prisma, "ORGANISER");
    const probes = [
      "/\t/evil.example/phish",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/admin\r\nSet-Cookie: planted=1",
      "/\\evil.example",
      "\\\\evil.example",
      "/%09/evil.example",
      "https://evil.example",
      "/𠮷",
      "/\u3000/evil.example",
    ];
    for (const redirectTo of probes) {
      const response = await new Buyer(app.baseUrl).post("/login", { email: user.email, password: TEST_PASSWORD, redirectTo });
      expect(response.status, JSON.stringify(redirectTo)).toBe(302);
      const location = response.headers.get("Location")!;
      expect(new URL(location, app.baseUrl).origin, JSON.stringify(redirectTo)).toBe(app.baseUrl);
      expect(["/admin", redirectTo]).toContain(location);
    }
    // One session per sign-in that answered 302 with a cookie; none left behind by anything else.
    expect(await t.prisma.userSession.count({ where: { userId: user.id } })).toBe(probes.length);
    const wrong = await new Buyer(app.baseUrl).post("/login", {
      email: user.email,
      password: "not the password",
      redirectTo: "/\r\n/evil.example",
    });
    expect(wrong.status).toBe(401);
    expect(await t.prisma.userSession.count({ where: { userId: user.id } })).toBe(probes.length);
  });

  it("lets an organiser turn on two-step sign-in, then asks every sign-in for a fresh code", async () => {
    const user = await createUser(t.prisma, "ORGANISER");
    const browser = new Buyer(app.baseUrl);
    await browser.post("/login", { email: user.email, password: TEST_PASSWORD });
    await browser.post("/admin/security", { intent: "propose" });
    const { totpSecret } = await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect((await browser.post("/admin/security", { intent: "enable", code: "000000" })).status).toBe(400);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabled).toBe(false);
    const enable = await browser.post("/admin/security", {
      intent: "enable",
      code: totpCode(totpSecret!, currentStep()),
    });
    expect(enable.status).toBe(200);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabled).toBe(true);

    const later = new Buyer(app.baseUrl);
    const password = await later.post("/login", { email: user.email, password: TEST_PASSWORD });
    expect(password.headers.get("Location")).toBe("/login/code");
    expect((await later.request("/admin")).status).toBe(302);
    const code = await later.post("/login/code", { code: totpCode(totpSecret!, currentStep() + 1) });
    expect(code.headers.get("Location")).toBe("/admin");
    expect((await later.request("/admin")).status).toBe(200);
  });
});
