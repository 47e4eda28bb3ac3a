/**
 * The portal's authorization matrix over HTTP: role × route × someone else's record. A guest is
 * sent to sign in, an organiser is refused (403), and a cooperative's staff get 404 for another
 * cooperative's product or order — with the database unchanged after every attempt.
 */
import { describe, expect, it } from "vitest";
import { upsertCooperative, upsertProduct } from "../../prisma/factories";
import { signInAs } from "../support/auth";
import { checkoutInput } from "../support/checkout";
import { withTestDatabase } from "../support/database";
import { withHttpApp } from "../support/http-app";
import { addToCart, createCart } from "~/cart/cart.server";
import { placeOrder } from "~/payments/checkout.server";
import { applyPaymentEvent } from "~/payments/payments.server";

const t = withTestDatabase();
const app = withHttpApp();

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

function request(cookie: string | null, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (cookie) headers.set("Cookie", cookie);
  return fetch(`${app.baseUrl}${path}`, { ...init, headers, redirect: "manual" });
}
const post = (cookie: string | null, path: string, fields: Record<string, string>) =>
  request(cookie, path, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
function upload(cookie: string | null, path: string) {
  const form = new FormData();
  form.append("intent", "addImage");
  form.append("image", new Blob([PNG], { type: "image/png" }), "photo.png");
  return request(cookie, path, { method: "POST", body: form });
}

/** Everything a portal write could change, to compare before and after an attempt. */
async function snapshot() {
  const [products, images, uploads, fulfilments, orders, audit, ledger] = await Promise.all([
    t.prisma.product.findMany({ orderBy: { id: "asc" } }),
    t.prisma.productImage.findMany({ orderBy: { id: "asc" } }),
    t.prisma.upload.count(),
    t.prisma.orderFulfilment.findMany({ orderBy: { id: "asc" } }),
    t.prisma.order.count(),
    t.prisma.auditLog.count(),
    t.prisma.ledgerEntry.count(),
  ]);
  return { products, images, uploads, fulfilments, orders, audit, ledger };
}

async function paidOrder(productId: string) {
  const cart = await createCart(t.prisma);
  await addToCart(t.prisma, cart, productId, 1);
  const { id } = await placeOrder(t.prisma, { cartId: cart, input: checkoutInput(), locale: "zh" });
  const { totalFen } = await t.prisma.order.findUniqueOrThrow({ where: { id } });
  await applyPaymentEvent(t.prisma, {
    provider: "test",
    eventId: `p:${id}`,
    type: "succeeded",
    orderId: id,
    amountFen: totalFen,
  });
  return id;
}

async function world() {
  const coopA = await upsertCooperative(t.prisma);
  const coopB = await upsertCooperative(t.prisma);
  const productA = await upsertProduct(t.prisma, { cooperativeId: coopA.id, stock: 10 });
  const productB = await upsertProduct(t.prisma, { cooperativeId: coopB.id, stock: 10, nameZh: "乙社的秘密商品" });
  const orderB = await paidOrder(productB.id);
  const imageB = await t.prisma.productImage.findFirstOrThrow({ where: { productId: productB.id } });
  const staffA = await signInAs(t.prisma, "COOPERATIVE_STAFF", { cooperativeId: coopA.id });
  return { coopA, coopB, productA, productB, orderB, imageB, staffA };
}

const PAGES = [
  "/portal",
  "/portal/products",
  "/portal/products/new",
  "/portal/orders",
  "/portal/booth",
  "/portal/sales",
];

describe("the portal's authorization matrix", () => {
  it("sends a guest to sign in from every page and every form, changing nothing", async () => {
    const { productB } = await world();
    const before = await snapshot();
    for (const path of [...PAGES, `/portal/products/${productB.id}`]) {
      const response = await request(null, path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("Location"), path).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
    const posts: [string, Record<string, string>][] = [
      ["/portal/products/new", { nameZh: "x" }],
      [`/portal/products/${productB.id}`, { intent: "retire" }],
      ["/portal/orders", { orderId: "x", status: "PACKED" }],
      ["/portal/booth", { saleKey: "x", payment: "CASH", [`qty.${productB.id}`]: "1" }],
    ];
    for (const [path, fields] of posts) expect((await post(null, path, fields)).status, path).toBe(302);
    expect((await upload(null, `/portal/products/${productB.id}`)).status).toBe(302);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an organiser every portal page and form (403), changing nothing", async () => {
    const { productB, orderB } = await world();
    const organiser = await signInAs(t.prisma, "ORGANISER");
    const before = await snapshot();
    for (const path of [...PAGES, `/portal/products/${productB.id}`])
      expect((await request(organiser.cookie, path)).status, path).toBe(403);
    expect((await post(organiser.cookie, `/portal/products/${productB.id}`, { intent: "retire" })).status).toBe(403);
    expect((await post(organiser.cookie, "/portal/orders", { orderId: orderB, status: "PICKED_UP" })).status).toBe(403);
    expect((await upload(organiser.cookie, `/portal/products/${productB.id}`)).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it("answers staff of one cooperative 404 for another's product: view, edit, retire, certification, pictures", async () => {
    const { productB, imageB, staffA } = await world();
    const path = `/portal/products/${productB.id}`;
    const before = await snapshot();

    const view = await request(staffA.cookie, path);
    expect(view.status).toBe(404);
    expect(await view.text()).not.toContain("乙社的秘密商品");
    const attempts: Record<string, string>[] = [
      {
        intent: "save",
        nameZh: "改名",
        nameEn: "Renamed",
        unitZh: "件",
        unitEn: "piece",
        price: "1.00",
        stock: "999",
        stockWas: "10",
        categoryId: productB.categoryId,
        status: "LISTED",
      },
      { intent: "save" }, // even an invalid form does not reveal the product
      { intent: "retire" },
      { intent: "requestCertification" },
      { intent: "removeImage", imageId: imageB.id },
    ];
    for (const fields of attempts) expect((await post(staffA.cookie, path, fields)).status, fields.intent).toBe(404);
    expect((await upload(staffA.cookie, path)).status).toBe(404);
    expect((await request(staffA.cookie, "/portal/products/no-such-product")).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it("keeps another cooperative's orders and sales out of sight and out of reach", async () => {
    const { productB, orderB, staffA } = await world();
    const before = await snapshot();
    for (const page of ["/portal", "/portal/orders", "/portal/orders?view=done", "/portal/sales", "/portal/booth"]) {
      const response = await request(staffA.cookie, page);
      expect(response.status, page).toBe(200);
      const html = await response.text();
      expect(html, page).not.toContain("乙社的秘密商品");
      expect(html, page).not.toContain(orderB.slice(0, 8).toUpperCase());
    }
    for (const status of ["PACKED", "PICKED_UP"])
      expect((await post(staffA.cookie, "/portal/orders", { orderId: orderB, status })).status).toBe(404);
    // Selling another cooperative's goods at one's booth is refused as unavailable.
    const sale = await post(staffA.cookie, "/portal/booth", {
      saleKey: crypto.randomUUID(),
      payment: "CASH",
      [`qty.${productB.id}`]: "1",
    });
    expect(sale.status).toBe(409);
    // And the organisers' console is not the cooperative's either.
    expect((await request(staffA.cookie, "/admin")).status).toBe(403);
    expect((await request(staffA.cookie, "/admin/reports")).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});
