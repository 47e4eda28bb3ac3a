/**
 * The portal's forms over HTTP, as a browser without JavaScript posts them: products (with the
 * answers beside the fields), picture uploads checked by their bytes and served from /media,
 * fulfilment, and a booth sale that a double tap records once.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { upsertCategory, upsertCooperative, upsertProduct } from "../../prisma/factories";
import { signInAs } from "../support/auth";
import { checkoutInput } from "../support/checkout";
import { withTestDatabase } from "../support/database";
import { withHttpApp } from "../support/http-app";
import { addToCart, createCart } from "~/cart/cart.server";
import { verifyLedger } from "~/ledger/ledger.server";
import { placeOrder } from "~/payments/checkout.server";
import { applyPaymentEvent } from "~/payments/payments.server";
import { MAX_UPLOAD_BYTES } from "~/catalog/uploads.server";

const t = withTestDatabase();
const app = withHttpApp();

// A real 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

function request(cookie: string, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("Cookie", cookie);
  return fetch(`${app.baseUrl}${path}`, { ...init, headers, redirect: "manual" });
}
const post = (cookie: string, path: string, fields: Record<string, string>) =>
  request(cookie, path, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
function upload(cookie: string, path: string, file: Blob, name: string) {
  const form = new FormData();
  form.append("intent", "addImage");
  form.append("altZh", "绣片特写");
  form.append("image", file, name);
  return request(cookie, path, { method: "POST", body: form });
}

async function staffWithProduct() {
  const cooperative = await upsertCooperative(t.prisma, { boothNumber: `H-${randomUUID().slice(0, 6)}` });
  const product = await upsertProduct(t.prisma, { cooperativeId: cooperative.id, priceFen: 12800, stock: 10 });
  const staff = await signInAs(t.prisma, "COOPERATIVE_STAFF", { cooperativeId: cooperative.id });
  return { cooperative, product, staff };
}

describe("portal forms over HTTP", () => {
  it("answer a bad product form beside its fields, keeping what was typed, in Chinese or English", async () => {
    const { staff } = await staffWithProduct();
    const category = await upsertCategory(t.prisma);
    const fields = {
      nameZh: "青稞饼干",
      nameEn: "Highland barley biscuits",
      unitZh: "盒",
      unitEn: "box",
      price: "12.345",
      stock: "30",
      categoryId: category.id,
      status: "LISTED",
      descriptionZh: "<script>alert(1)</script>**酥脆**",
    };
    const bad = await post(staff.cookie, "/portal/products/new", fields);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("价格格式不对");
    expect(html).toContain('value="青稞饼干"');
    expect(html).toContain('value="12.345"');
    expect(html).not.toContain("<script>alert(1)</script>");
    const english = await post(staff.cookie, "/portal/products/new?lang=en", { ...fields, price: "" });
    expect(await english.text()).toContain("Please enter a price.");
    expect(await t.prisma.product.count({ where: { nameZh: "青稞饼干" } })).toBe(0);

    const good = await post(staff.cookie, "/portal/products/new", { ...fields, price: "12.30" });
    expect(good.status).toBe(302);
    const product = await t.prisma.product.findFirstOrThrow({ where: { nameZh: "青稞饼干" } });
    expect(good.headers.get("Location")).toBe(`/portal/products/${product.id}?done=created`);
    expect(product).toMatchObject({ priceFen: 1230, stock: 30, cooperativeId: staff.user.cooperativeId });
    const page = await request(staff.cookie, `/portal/products/${product.id}?done=created`);
    expect(await page.text()).toContain("商品已创建");
  });

  it("accept a PNG named photo.jpg as a PNG, serve it from /media with its real type, and refuse text or 5 MB + 1", async () => {
    const { product, staff } = await staffWithProduct();
    const path = `/portal/products/${product.id}`;
    const stored = await upload(staff.cookie, path, new Blob([PNG], { type: "image/jpeg" }), "photo.jpg");
    expect(stored.status).toBe(302);
    expect(stored.headers.get("Location")).toBe(`${path}?done=imageAdded`);
    const image = await t.prisma.productImage.findFirstOrThrow({ where: { productId: product.id } });
    expect(image).toMatchObject({ altZh: "绣片特写", url: expect.stringMatching(/^\/media\/[0-9a-f-]{36}$/) });

    const media = await fetch(`${app.baseUrl}${image.url}`);
    expect(media.status).toBe(200);
    expect(media.headers.get("Content-Type")).toBe("image/png");
    // The server's security middleware sends nosniff too, and Remix appends the route's own: the first value counts.
    expect(media.headers.get("X-Content-Type-Options")).toMatch(/^nosniff(, nosniff)?$/);
    expect(media.headers.get("Content-Disposition")).toBe("inline");
    expect(media.headers.get("Cache-Control")).toContain("immutable");
    expect(Buffer.from(await media.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await fetch(`${app.baseUrl}/media/${randomUUID()}`)).status).toBe(404);

    const before = {
      images: await t.prisma.productImage.findMany({ where: { productId: product.id } }),
      uploads: await t.prisma.upload.count(),
    };
    const text = await upload(staff.cookie, path, new Blob(["not a picture"], { type: "image/png" }), "photo.png");
    expect(text.status).toBe(415);
    expect(await text.text()).toContain("只能上传 PNG、JPEG 或 WebP 图片");
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(PNG);
    const tooBig = await upload(staff.cookie, `${path}?lang=en`, new Blob([big], { type: "image/png" }), "big.png");
    expect(tooBig.status).toBe(413);
    expect(await tooBig.text()).toContain("Pictures can be at most 5 MB.");
    const none = await upload(staff.cookie, path, new Blob([]), "");
    expect(none.status).toBe(400);
    expect(await t.prisma.productImage.findMany({ where: { productId: product.id } })).toEqual(before.images);
    expect(await t.prisma.upload.count()).toBe(before.uploads);
  });

  it("record a booth sale once for a double tap, and show it on the dashboard", async () => {
    const { cooperative, product, staff } = await staffWithProduct();
    const fields = { saleKey: randomUUID(), payment: "CASH", [`qty.${product.id}`]: "2" };
    const [first, second] = await Promise.all([
      post(staff.cookie, "/portal/booth", fields),
      post(staff.cookie, "/portal/booth", fields),
    ]);
    expect(first.status).toBe(302);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    const orders = await t.prisma.order.findMany({
      where: { channel: "BOOTH", lines: { some: { productId: product.id } } },
    });
    expect(orders).toHaveLength(1);
    expect(first.headers.get("Location")).toBe(`/portal/booth?sold=${orders[0]!.id}`);
    expect((await t.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(8);
    expect((await verifyLedger(t.prisma)).mismatches).toEqual([]);

    const booth = await request(staff.cookie, first.headers.get("Location")!);
    expect(await booth.text()).toContain("已记录一笔展位销售：¥256.00（现金）");
    const dashboard = await (await request(staff.cookie, "/portal")).text();
    expect(dashboard).toMatch(/data-testid="sales-today"[^>]*>¥256\.00</);
    const sales = await (await request(staff.cookie, "/portal/sales")).text();
    expect(sales).toMatch(/data-testid="sales-booth"[^>]*>¥256\.00</);
    expect(cooperative.id).toBe(staff.user.cooperativeId);

    const empty = await post(staff.cookie, "/portal/booth", { saleKey: randomUUID(), payment: "CASH" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("请至少选择一件商品");
  });

  it("mark an order shipped only with a tracking number", async () => {
    const { product, staff } = await staffWithProduct();
    const cart = await createCart(t.prisma);
    await addToCart(t.prisma, cart, product.id, 1);
    const input = checkoutInput({
      fulfilment: "DELIVERY",
      recipientName: "李华",
      province: "上海市",
      city: "上海市",
      addressLine: "延安中路1000号",
    });
    const { id } = await placeOrder(t.prisma, { cartId: cart, input, locale: "zh" });
    await applyPaymentEvent(t.prisma, {
      provider: "test",
      eventId: `p:${id}`,
      type: "succeeded",
      orderId: id,
      amountFen: 12800,
    });

    const open = await (await request(staff.cookie, "/portal/orders")).text();
    expect(open).toContain("延安中路1000号");
    const missing = await post(staff.cookie, "/portal/orders", { orderId: id, status: "SHIPPED", trackingNumber: "" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("发货需要填写快递单号");
    expect(await t.prisma.orderFulfilment.count({ where: { orderId: id } })).toBe(0);
    const shipped = await post(staff.cookie, "/portal/orders", {
      orderId: id,
      status: "SHIPPED",
      trackingNumber: "SF1234567890",
    });
    expect(shipped.status).toBe(302);
    expect(await t.prisma.orderFulfilment.findFirstOrThrow({ where: { orderId: id } })).toMatchObject({
      status: "SHIPPED",
      trackingNumber: "SF1234567890",
    });
  });
});
