import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ServerBuild } from "@remix-run/node";
import { upsertProduct } from "../../prisma/factories";
import { signInAs } from "../support/auth";
import { withTestDatabase } from "../support/database";
import { Buyer, withHttpApp } from "../support/http-app";

process.env.RATE_LIMITS = "off"; // this suite sends hundreds of requests from one address on purpose
const t = withTestDatabase();
const app = withHttpApp();

/** Inputs that have broken other shops: each must get a 4xx or be shown harmlessly, never a 500. */
const NASTY = [
  "",
  " ",
  "x".repeat(5000),
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  '\'; DROP TABLE "Product"; --',
  "%",
  "_",
  "\\",
  "../../etc/passwd",
  "\u0000",
  "\u202Eevil",
  "𠮷野家🍵",
  "ﾌﾙｶﾞｷ",
  "-1",
  "0",
  "1e309",
  "99999999999999999999",
  "NaN",
  "[object Object]",
  '{"a":1}',
];

async function snapshot() {
  const [products, stock, carts, cartLines, orders, ledger, users, regions] = await Promise.all([
    t.prisma.product.count(),
    t.prisma.product.aggregate({ _sum: { stock: true } }),
    t.prisma.cart.count(),
    t.prisma.cartLine.count(),
    t.prisma.order.count(),
    t.prisma.ledgerEntry.count(),
    t.prisma.user.count(),
    t.prisma.pairedRegion.count(),
  ]);
  return { products, stock: stock._sum.stock, carts, cartLines, orders, ledger, users, regions };
}

describe("bad input over every public URL and form", () => {
  it("never answers a nasty URL parameter with a 500", async () => {
    await upsertProduct(t.prisma, { slug: "real-product" });
    const before = await snapshot();
    const failures: string[] = [];
    for (const value of NASTY) {
      const v = encodeURIComponent(value);
      const urls = [
        `/products/${v}`,
        `/en/products/${v}`,
        `/regions/${v}`,
        `/counties/${v}`,
        `/cooperatives/${v}`,
        `/categories/${v}`,
        `/orders/${v}`,
        `/pay/test/${v}`,
        `/images/products/${v}.svg`,
        `/search?q=${v}`,
        `/search?q=tea&page=${v}&min=${v}&max=${v}&region=${v}&county=${v}&category=${v}&certified=${v}&sort=${v}`,
        `/en/search?q=${v}&page=${v}`,
        `/${v}/products/real-product`,
        `/categories/tea?page=${v}`,
        `/login?redirectTo=${v}`,
        `/reset-password/${v}`,
        `/invite/${v}`,
      ];
      for (const url of urls) {
        const response = await fetch(`${app.baseUrl}${url}`, { redirect: "manual" });
        if (response.status >= 500) failures.push(`${response.status} GET ${url.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("never answers a nasty form post with a 500, and changes nothing it should not", async () => {
    const product = await upsertProduct(t.prisma, { stock: 7 });
    const buyer = new Buyer(app.baseUrl);
    await buyer.post("/cart", { intent: "add", productId: product.id, quantity: "1" });
    const before = await snapshot();
    const failures: string[] = [];
    const record = async (what: string, response: Response) => {
      if (response.status >= 500) failures.push(`${response.status} ${what}`);
      await response.body?.cancel();
    };
    for (const value of NASTY) {
      await record(
        `cart add quantity=${value.slice(0, 20)}`,
        await buyer.post("/cart", { intent: "add", productId: product.id, quantity: value }),
      );
      await record(`cart add productId`, await buyer.post("/cart", { intent: "add", productId: value, quantity: "1" }));
      await record(`cart intent`, await buyer.post("/cart", { intent: value, productId: product.id }));
      await record(
        `cart update`,
        await buyer.post("/cart", { intent: "update", productId: product.id, quantity: value }),
      );
      await record(
        `checkout fields`,
        await buyer.post("/checkout", {
          checkoutKey: value,
          contactName: value,
          contactPhone: value,
          contactEmail: value,
          fulfilment: value,
          province: value,
          city: value,
          addressLine: value,
          postalCode: value,
          onBehalfOf: value,
        }),
      );
      await record(`login`, await buyer.post("/login", { email: value, password: value, redirectTo: value }));
      await record(`forgot`, await buyer.post("/forgot-password", { email: value }));
      await record(
        `reset`,
        await buyer.post(`/reset-password/${encodeURIComponent(value) || "x"}`, { password: value }),
      );
      await record(
        `invite`,
        await buyer.post(`/invite/${encodeURIComponent(value) || "x"}`, { displayName: value, password: value }),
      );
    }
    // A checkout with a valid key but a nasty organisation must not reserve stock either.
    await record(
      "checkout unknown organisation",
      await buyer.post("/checkout", {
        checkoutKey: randomUUID(),
        contactName: "王",
        contactPhone: "13800001234",
        fulfilment: "BOOTH_PICKUP",
        onBehalfOf: "' OR 1=1 --",
      }),
    );
    expect(failures).toEqual([]);
    const after = await snapshot();
    // Only the cart line's quantity may move (the adds and updates are legitimate cart edits).
    expect({ ...after, cartLines: before.cartLines }).toEqual(before);
    expect((await t.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(7);
  });

  it("answers a malformed body on every action route with a short 4xx, never a 500, and changes nothing", async () => {
    const staff = await signInAs(t.prisma, "COOPERATIVE_STAFF");
    const organiser = await signInAs(t.prisma, "ORGANISER");
    const product = await upsertProduct(t.prisma, { cooperativeId: staff.user.cooperativeId!, stock: 5 });
    const buyer = new Buyer(app.baseUrl);
    await buyer.post("/cart", { intent: "add", productId: product.id, quantity: "1" });
    const params: Record<string, string> = { token: "not-a-token", id: product.id, entity: "region", slug: "x" };
    const routes = actionRoutes(await app.build(), params);
    // Enumerated from the build, so a new action is covered without editing this list.
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(routes).toContain("/en/cart");
    const before = await snapshot();
    const huge = new Uint8Array(1024 * 1024 + 10).fill(0x61);
    const bodies: { name: string; init: RequestInit; expected?: number }[] = [
      {
        name: "JSON",
        init: { body: '{"intent":"add"}', headers: { "Content-Type": "application/json" } },
        expected: 415,
      },
      { name: "empty text/plain", init: { body: "", headers: { "Content-Type": "text/plain" } }, expected: 415 },
      {
        name: "text/plain",
        init: { body: "intent=add", headers: { "Content-Type": "text/plain;charset=UTF-8" } },
        expected: 415,
      },
      { name: "no content type", init: { body: new TextEncoder().encode("intent=add") }, expected: 415 },
      { name: "XML", init: { body: "<a/>", headers: { "Content-Type": "application/xml" } }, expected: 415 },
      {
        name: "multipart without boundary",
        init: {
          body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
          headers: { "Content-Type": "multipart/form-data" },
        },
        expected: 400,
      },
      {
        name: "multipart with a boundary that is not in the body",
        init: { body: "garbage", headers: { "Content-Type": "multipart/form-data; boundary=zzz" } },
      },
      {
        name: "truncated multipart",
        init: {
          body: '--zzz\r\nContent-Disposition: form-data; name="intent"\r\n\r\nadd',
          headers: { "Content-Type": "multipart/form-data; boundary=zzz" },
        },
      },
      {
        name: "oversized form",
        init: { body: huge, headers: { "Content-Type": "application/x-www-form-urlencoded" } },
        expected: 413,
      },
      {
        name: "broken percent-encoding",
        init: { body: "intent=%E0%A4%A&%zz=%", headers: { "Content-Type": "application/x-www-form-urlencoded" } },
      },
    ];
    const failures: string[] = [];
    for (const path of routes) {
      const cookie = path.startsWith("/admin") ? organiser.cookie : path.startsWith("/portal") ? staff.cookie : "";
      for (const { name, init, expected } of bodies) {
        const headers = new Headers(init.headers);
        if (cookie) headers.set("Cookie", cookie);
        const response = await fetch(`${app.baseUrl}${path}`, {
          ...init,
          method: "POST",
          headers,
          redirect: "manual",
        }).catch((error: Error) => error);
        if (response instanceof Error) {
          failures.push(`${response.message} ${String(response.cause)} ${name} → ${path}`);
          continue;
        }
        const text = await response.text();
        const bad = expected ? response.status !== expected : response.status >= 500 || response.status < 300;
        if (bad) failures.push(`${response.status} ${name} → ${path}: ${text.slice(0, 80)}`);
      }
    }
    // The same limit holds for a body sent without Content-Length (chunked), where only reading can tell.
    const chunked = await fetch(`${app.baseUrl}/cart`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
          controller.close();
        },
      }),
      duplex: "half",
      redirect: "manual",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect((await t.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(5);
  }, 240_000);

  it("never answers a nasty post to the unit forms (units, transfers, holds, pledges, invoices) with a 500, and changes nothing", async () => {
    const organiser = await signInAs(t.prisma, "ORGANISER");
    const staff = await signInAs(t.prisma, "COOPERATIVE_STAFF");
    const unitSnapshot = async () => ({
      ...(await snapshot()),
      organisations: await t.prisma.organisation.count(),
      pledges: await t.prisma.pledge.count(),
      transfers: await t.prisma.bankTransfer.count(),
      invoices: await t.prisma.invoiceRequest.findMany({ orderBy: { id: "asc" } }),
      invitations: await t.prisma.invitation.count(),
    });
    const before = await unitSnapshot();
    const failures: string[] = [];
    const send = async (what: string, cookie: string, path: string, fields: Record<string, string>) => {
      const response = await fetch(`${app.baseUrl}${path}`, {
        method: "POST",
        body: new URLSearchParams(fields),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
        redirect: "manual",
      });
      if (response.status >= 500 || response.status < 400)
        failures.push(`${response.status} ${what}: ${JSON.stringify(fields).slice(0, 60)}`);
      await response.body?.cancel();
    };
    for (const value of NASTY) {
      const all = (names: string[]) => Object.fromEntries(names.map((n) => [n, value]));
      await send(
        "unit",
        organiser.cookie,
        "/admin/units",
        all(["slug", "nameZh", "nameEn", "buyerKind", "invoiceTitle", "creditCode"]),
      );
      await send("transfer", organiser.cookie, "/admin/transfers", {
        intent: "record",
        ...all(["reference", "amount", "receivedOn", "payerName"]),
      });
      await send("transfer intent", organiser.cookie, "/admin/transfers", {
        ...all(["intent", "transferId", "amount", "note"]),
      });
      await send("apply", organiser.cookie, "/admin/transfers", {
        intent: "apply",
        ...all(["transferId", "amount", "note"]),
      });
      await send("reject", organiser.cookie, "/admin/transfers", { intent: "reject", ...all(["transferId", "note"]) });
      await send("hold", organiser.cookie, "/admin/transfers", { intent: "hold", ...all(["orderId", "days"]) });
      await send("pledge", organiser.cookie, "/admin/pledges", all(["organisationId", "amount", "signedOn", "notes"]));
      await send("invite unit", organiser.cookie, "/admin/invitations", {
        email: "x@unit.example",
        role: "UNIT_BUYER",
        organisationId: value,
      });
      await send("invoice", staff.cookie, "/portal/invoices", all(["invoiceId", "invoiceNumber", "issuedOn"]));
    }
    expect(failures).toEqual([]);
    expect(await unitSnapshot()).toEqual(before);
  }, 240_000);

  it("shows script-looking input as text, never as markup", async () => {
    const response = await fetch(`${app.baseUrl}/search?q=${encodeURIComponent("<script>alert(1)</script>")}`);
    const html = await response.text();
    expect(html).not.toContain("<script>alert(1)</script>");
  });
});

/**
 * Every URL that reaches a route with an action, from the build's route tree: optional segments
 * both with and without (so /cart and /en/cart), dynamic ones filled in from `params`.
 */
function actionRoutes(build: ServerBuild, params: Record<string, string>): string[] {
  const urls = new Set<string>();
  const pathOf = (id: string): string[] => {
    const route = build.routes[id]!;
    const parent = route.parentId ? pathOf(route.parentId) : [];
    return route.path ? [...parent, ...route.path.split("/")] : parent;
  };
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route.module.action) continue;
    let variants = [""];
    for (const segment of pathOf(id)) {
      if (!segment) continue;
      const optional = segment.endsWith("?");
      const bare = optional ? segment.slice(0, -1) : segment;
      const value = bare.startsWith(":") ? (bare === ":lang" ? "en" : (params[bare.slice(1)] ?? "x")) : bare;
      variants = variants.flatMap((v) => (optional ? [v, `${v}/${value}`] : [`${v}/${value}`]));
    }
    for (const v of variants) urls.add(v || "/");
  }
  return [...urls].filter((url) => url !== "/webhooks/stripe").sort();
}
