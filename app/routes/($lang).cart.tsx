import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import {
  addToCart,
  CartError,
  cartExists,
  createCart,
  getCart,
  removeFromCart,
  setCartQuantity,
} from "~/cart/cart.server";
import { CART_FALLBACK, CartActionSchema } from "~/cart/cart-schema";
import { MAX_PER_LINE } from "~/utils/limits";
import { cartCookieHeader, readCartId } from "~/utils/cookies.server";
import { db } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
import { localePath, pick, type Locale } from "~/utils/i18n";
import { translate, useT, type StorefrontKey } from "~/i18n/areas/storefront";
import { requireLocale, safeRedirectPath } from "~/utils/http.server";
import { formatFen } from "~/utils/money";
import { useHydrated } from "~/utils/use-hydrated";
import { useLocale } from "~/utils/use-locale";

/** The loader's "private, no-store": this page is one buyer's own. */
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${translate(data?.locale ?? "zh", "shop.cartTitle")} · ${translate(data?.locale ?? "zh", "site.name")}` },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params.lang);
  const cart = await getCart(await db(), await readCartId(request));
  return data({ locale, cart }, { headers: { "Cache-Control": "private, no-store" } });
}

function problemMessage(locale: Locale, problem: string, stock?: number) {
  return translate(locale, `shop.problem.${problem}` as StorefrontKey, { stock: stock ?? 0, max: MAX_PER_LINE });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params.lang);
  const prisma = await db();
  const submission = parseSubmission(await request.formData(), CartActionSchema, CART_FALLBACK);
  const sent = submission.payload;
  const back = safeRedirectPath(sent.redirectTo, localePath(locale, "/cart"));
  // The same one message with and without JavaScript: the button's bar or the cart page shows it.
  if (submission.status !== "success") {
    return data({ ok: false, message: translate(locale, CART_FALLBACK), back }, { status: 400 });
  }
  const withJs = submission.value.js === "1";
  // The cart lives in the database; the cookie only names it. Make one on first use.
  let cartId = await readCartId(request);
  const headers = new Headers();
  if (!(await cartExists(prisma, cartId))) {
    cartId = await createCart(prisma);
    headers.append("Set-Cookie", await cartCookieHeader(cartId));
  }
  let message: string | undefined;
  try {
    const command = submission.value;
    if (command.intent === "remove") await removeFromCart(prisma, cartId!, command.productId);
    else {
      const result =
        command.intent === "add"
          ? await addToCart(prisma, cartId!, command.productId, command.quantity)
          : await setCartQuantity(prisma, cartId!, command.productId, command.quantity);
      if (result.limitedBy) message = problemMessage(locale, result.limitedBy, result.quantity);
    }
  } catch (error) {
    if (!(error instanceof CartError)) throw error;
    // Without JavaScript the browser shows this page with the same message the button shows with it.
    return data({ ok: false, message: problemMessage(locale, error.problem), back }, { status: 409, headers });
  }
  if (!withJs && !message) return redirect(back, { headers });
  return data({ ok: true, message, back }, { headers });
}

/** The answer to a cart form posted without JavaScript (with it, the button shows the same message). */
function CartActionMessage() {
  const locale = useLocale();
  const result = useActionData<typeof action>();
  if (!result?.message) return null;
  return (
    <div
      role={result.ok ? "status" : "alert"}
      className={`mb-4 rounded border p-3 text-sm ${result.ok ? "border-amber-300 bg-amber-50 text-amber-900" : "border-red-300 bg-red-50 text-red-900"}`}
      data-testid="cart-action-message"
    >
      <p className="font-semibold">{result.message}</p>
      {result.back !== localePath(locale, "/cart") && (
        <Link to={result.back} className="mt-1 inline-block text-brand-700 underline">
          {translate(locale, "shop.continueShopping")}
        </Link>
      )}
    </div>
  );
}

export default function CartPage() {
  const { locale, cart } = useLoaderData<typeof loader>();
  const t = useT();
  if (cart.lines.length === 0) {
    return (
      <div className="py-10 text-center">
        <CartActionMessage />
        <h1 className="text-2xl font-bold">{t("shop.cartTitle")}</h1>
        <p className="mt-4 text-stone-700">{t("shop.cartEmpty")}</p>
        <Link
          to={localePath(locale, "/")}
          className="mt-6 inline-block rounded bg-brand-700 px-5 py-3 font-semibold text-white"
        >
          {t("shop.continueShopping")}
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-3xl">
      <CartActionMessage />
      <h1 className="text-2xl font-bold">{t("shop.cartTitle")}</h1>
      <ul
        className="mt-4 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
        data-testid="cart-lines"
      >
        {cart.lines.map((line) => (
          <CartLineRow key={line.product.id} line={line} />
        ))}
      </ul>
      <p className="mt-2 text-xs text-stone-600">{t("shop.perLineMax", { max: MAX_PER_LINE })}</p>
      <div className="mt-6 flex flex-wrap items-center justify-between gap-4">
        <p className="text-lg">
          {t("shop.subtotal")}:{" "}
          <strong className="text-brand-700" data-testid="cart-subtotal">
            {formatFen(cart.subtotalFen, locale)}
          </strong>
        </p>
        {cart.ready ? (
          <Link
            to={localePath(locale, "/checkout")}
            className="min-h-11 rounded bg-brand-700 px-6 py-3 text-center font-semibold text-white hover:bg-brand-800"
          >
            {t("shop.toCheckout")}
          </Link>
        ) : (
          <p className="text-sm text-red-800" role="alert">
            {t("shop.problem.fixCart")}
          </p>
        )}
      </div>
    </div>
  );
}

type CartLineData = ReturnType<typeof useLoaderData<typeof loader>>["cart"]["lines"][number];

function CartLineRow({ line }: { line: CartLineData }) {
  const locale = useLocale();
  const fetcher = useFetcher<typeof action>();
  const hydrated = useHydrated();
  const t = useT();
  const { product } = line;
  // Optimistic: while a change is on its way, show the quantity the buyer asked for.
  const pending = fetcher.formData;
  const removing = pending?.get("intent") === "remove";
  const quantity = pending?.get("intent") === "update" ? Number(pending.get("quantity")) : line.quantity;
  if (removing) return null;
  const image = product.images[0];
  const max = Math.max(1, Math.min(product.stock, MAX_PER_LINE));
  const returnTo = localePath(locale, "/cart");
  return (
    <li className="flex gap-3 p-3" data-testid="cart-line">
      {image && (
        <img
          src={image.url}
          alt={pick(locale, image, "alt")}
          width={72}
          height={72}
          className="h-18 w-18 shrink-0 rounded object-cover"
        />
      )}
      <div className="flex flex-1 flex-col gap-2">
        <div className="flex justify-between gap-2">
          <Link to={localePath(locale, `/products/${product.slug}`)} className="font-semibold hover:underline">
            {pick(locale, product, "name")}
          </Link>
          <span className="font-semibold whitespace-nowrap">{formatFen(quantity * product.priceFen, locale)}</span>
        </div>
        <p className="text-xs text-stone-600">
          {pick(locale, product.cooperative, "name")} · {t("shop.unitPrice")} {formatFen(product.priceFen, locale)}/
          {pick(locale, product, "unit")}
        </p>
        {line.problem && (
          <p className="text-sm text-red-800" role="alert">
            {problemMessage(locale, line.problem, product.stock)}
          </p>
        )}
        <div className="flex flex-wrap items-end gap-2">
          <fetcher.Form method="post" action={returnTo} className="flex items-end gap-2">
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="productId" value={product.id} />
            <input type="hidden" name="redirectTo" value={returnTo} />
            {hydrated && <input type="hidden" name="js" value="1" />}
            <label className="flex flex-col text-xs">
              {t("shop.quantity")}
              <input
                type="number"
                name="quantity"
                min={0}
                max={max}
                defaultValue={quantity}
                key={quantity}
                className="mt-1 w-20 rounded border border-stone-400 px-2 py-2 text-base"
              />
            </label>
            <button
              type="submit"
              className="min-h-11 rounded border border-stone-400 px-3 py-2 text-sm hover:bg-stone-100"
            >
              {t("shop.update")}
            </button>
          </fetcher.Form>
          <fetcher.Form method="post" action={returnTo}>
            <input type="hidden" name="intent" value="remove" />
            {hydrated && <input type="hidden" name="js" value="1" />}
            <input type="hidden" name="productId" value={product.id} />
            <input type="hidden" name="redirectTo" value={returnTo} />
            <button type="submit" className="min-h-11 rounded px-3 py-2 text-sm text-red-800 underline hover:bg-red-50">
              {t("shop.remove")}
            </button>
          </fetcher.Form>
        </div>
        {fetcher.data && "message" in fetcher.data && fetcher.data.message && (
          <p className="text-sm text-amber-900" role="status">
            {fetcher.data.message}
          </p>
        )}
      </div>
    </li>
  );
}
