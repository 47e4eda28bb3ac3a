/**
 * The portal's actions answering a refused post (issue 10's one form pipeline): status 400 (409
 * for a conflict with the record's state), conform's reply with each error as an i18n key under
 * the field it is about, the values that were sent to show again, and nothing changed.
 */
import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { upsertCategory, upsertCooperative, upsertProduct } from "../../prisma/factories";
import { signInAs } from "../../tests/support/auth";
import { checkoutInput } from "../../tests/support/checkout";
import { withTestDatabase } from "../../tests/support/database";
import { addToCart, createCart } from "~/cart/cart.server";
import { placeOrder } from "~/payments/checkout.server";
import { applyPaymentEvent } from "~/payments/payments.server";
import type { FormReply } from "~/utils/forms";
import { action as boothAction } from "./portal.booth";
import { action as ordersAction } from "./portal.orders";
import { action as editAction } from "./portal.products.$id";
import { action as newAction } from "./portal.products.new";

const t = withTestDatabase();

type Action = (args: ActionFunctionArgs) => Promise<unknown>;

/** Posts a form to an action as a browser without JavaScript would; the status and the reply. */
async function post(action: Action, cookie: string, path: string, fields: Record<string, string>, id = "") {
  const request = new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
  const answer = await action({ request, params: id ? { id } : {}, context: {} });
  if (answer instanceof Response) return { status: answer.status, result: undefined, body: undefined };
  const { data, init } = answer as { data: { result: FormReply }; init: ResponseInit | null };
  return { status: init?.status ?? 200, result: data.result, body: data };
}

async function staffWithProduct() {
  const cooperative = await upsertCooperative(t.prisma, { boothNumber: `A-${randomUUID().slice(0, 6)}` });
  const product = await upsertProduct(t.prisma, { cooperativeId: cooperative.id, priceFen: 12800, stock: 10 });
  const staff = await signInAs(t.prisma, "COOPERATIVE_STAFF", { cooperativeId: cooperative.id });
  return { product, cookie: staff.cookie };
}

const productState = async (id: string) => {
  const { updatedAt: _u, ...rest } = await t.prisma.product.findUniqueOrThrow({ where: { id } });
  return rest;
};

describe("the portal's actions refuse a bad post", () => {
  it("new product: a bad price under its field, what was typed kept, nothing saved", async () => {
    const { cookie } = await staffWithProduct();
    const category = await upsertCategory(t.prisma);
    const fields = {
      nameZh: "藏香猪腊肉",
      nameEn: "Tibetan pig bacon",
      unitZh: "袋",
      unitEn: "bag",
      price: "12.345",
      stock: "5",
      categoryId: category.id,
      status: "LISTED",
    };
    const before = await t.prisma.product.count();
    const { status, result } = await post(newAction, cookie, "/portal/products/new", fields);
    expect(status).toBe(400);
    expect(result?.error).toEqual({ price: ["portal.error.priceInvalid"] });
    expect(result?.initialValue).toMatchObject({ nameZh: "藏香猪腊肉", price: "12.345", stock: "5" });
    expect(await t.prisma.product.count()).toBe(before);
  });

  it("edit product: a bad stock, a stale page or an unknown intent, each where it is shown, the product unchanged", async () => {
    const { product, cookie } = await staffWithProduct();
    const path = `/portal/products/${product.id}`;
    const fields = {
      intent: "save",
      stockWas: "10",
      nameZh: "改过的名字",
      nameEn: product.nameEn,
      unitZh: "件",
      unitEn: "piece",
      price: "128.00",
      stock: "12.5",
      categoryId: product.categoryId,
      status: "LISTED",
    };
    const before = await productState(product.id);

    const badStock = await post(editAction, cookie, path, fields, product.id);
    expect(badStock.status).toBe(400);
    expect(badStock.body).toMatchObject({ intent: "save" });
    expect(badStock.result?.error).toEqual({ stock: ["portal.error.stockInvalid"] });
    expect(badStock.result?.initialValue).toMatchObject({ nameZh: "改过的名字", stock: "12.5" });

    const stale = await post(editAction, cookie, path, { ...fields, stock: "12", stockWas: "" }, product.id);
    expect(stale.status).toBe(400);
    expect(stale.result?.error).toEqual({ stockWas: ["portal.error.reload"] });

    const unknown = await post(editAction, cookie, path, { intent: "paint" }, product.id);
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ intent: "save" });
    expect(unknown.result?.error).toEqual({ intent: ["portal.error.reload"] });

    expect(await productState(product.id)).toEqual(before);
  });

  it("edit product: stock that changed while the form was open is a conflict beside the stock, the typed values kept", async () => {
    const { product, cookie } = await staffWithProduct();
    // A buyer reserved 7 of the 10 the form was showing; the form now hands out all 10.
    await t.prisma.product.update({ where: { id: product.id }, data: { stock: 3 } });
    const before = await productState(product.id);
    const { status, result } = await post(
      editAction,
      cookie,
      `/portal/products/${product.id}`,
      {
        intent: "save",
        stockWas: "10",
        nameZh: product.nameZh,
        nameEn: product.nameEn,
        unitZh: "件",
        unitEn: "piece",
        price: "99.00",
        stock: "0",
        categoryId: product.categoryId,
        status: "LISTED",
      },
      product.id,
    );
    expect(status).toBe(409);
    expect(result?.error).toMatchObject({ stock: ["portal.error.stockChanged"] });
    expect(result?.initialValue).toMatchObject({ price: "99.00", stock: "0" });
    expect(await productState(product.id)).toEqual(before);
  });

  it("booth: a bad quantity beside its box, the sale not recorded", async () => {
    const { product, cookie } = await staffWithProduct();
    const fields = { saleKey: randomUUID(), payment: "QR", [`qty.${product.id}`]: "1.5" };
    const orders = await t.prisma.order.count({ where: { channel: "BOOTH" } });
    const { status, result } = await post(boothAction, cookie, "/portal/booth", fields);
    expect(status).toBe(400);
    expect(result?.error).toMatchObject({ [`qty.${product.id}`]: ["portal.error.quantityInvalid"] });
    expect(result?.initialValue).toMatchObject({ payment: "QR", qty: { [product.id]: "1.5" } });
    expect(await t.prisma.order.count({ where: { channel: "BOOTH" } })).toBe(orders);
    expect((await productState(product.id)).stock).toBe(10);
  });

  it("orders: shipping without a tracking number, under the tracking field, nothing recorded", async () => {
    const { product, cookie } = await staffWithProduct();
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
    const fields = { orderId: id, status: "SHIPPED", trackingNumber: "SF 12" };
    const { status, result, body } = await post(ordersAction, cookie, "/portal/orders", fields);
    expect(status).toBe(400);
    expect(body).toMatchObject({ orderId: id, status: "SHIPPED" });
    expect(result?.error).toEqual({ trackingNumber: ["portal.error.trackingInvalid"] });
    expect(result?.initialValue).toMatchObject({ trackingNumber: "SF 12" });
    expect(await t.prisma.orderFulfilment.count({ where: { orderId: id } })).toBe(0);
  });
});
