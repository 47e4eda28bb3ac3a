import { Link, useFetcher } from "@remix-run/react";
import { useState } from "react";
import { MAX_PER_LINE } from "~/utils/limits";
import { localePath } from "~/utils/i18n";
import { translate } from "~/i18n/areas/storefront";
import { useHydrated } from "~/utils/use-hydrated";
import { useLocale } from "~/utils/use-locale";

/**
 * Adds a product to the cart. With JavaScript it posts through a fetcher and stays on the page;
 * without, it is a plain form post to /cart that redirects back here.
 */
export function AddToCartForm({ productId, stock, returnTo }: { productId: string; stock: number; returnTo: string }) {
  const locale = useLocale();
  const fetcher = useFetcher<{ ok: boolean; message?: string }>();
  const hydrated = useHydrated();
  const [quantity, setQuantity] = useState(1);
  const max = Math.max(1, Math.min(stock, MAX_PER_LINE));
  const busy = fetcher.state !== "idle";
  if (stock <= 0) {
    return (
      <p className="rounded bg-stone-100 p-3 text-center font-semibold text-stone-700" data-testid="sold-out">
        {translate(locale, "product.soldOut")}
      </p>
    );
  }
  return (
    <fetcher.Form
      method="post"
      action={localePath(locale, "/cart")}
      className="flex flex-wrap items-end gap-3"
      data-testid="add-to-cart"
    >
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="redirectTo" value={returnTo} />
      {hydrated && <input type="hidden" name="js" value="1" />}
      <label className="flex flex-col text-sm">
        {translate(locale, "shop.quantity")}
        <input
          type="number"
          name="quantity"
          min={1}
          max={max}
          value={quantity}
          onChange={(e) => setQuantity(Number(e.target.value))}
          className="mt-1 w-20 rounded border border-stone-400 px-2 py-2 text-base"
        />
      </label>
      <button
        type="submit"
        disabled={busy}
        className="min-h-11 flex-1 rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {busy ? translate(locale, "shop.adding") : translate(locale, "shop.addToCart")}
      </button>
      {/* The answer appears at the bottom of the screen, where the thumb that tapped the button is,
          not below the fold under the button. */}
      <div
        role="status"
        aria-live="polite"
        className={
          fetcher.data && !busy
            ? "fixed inset-x-0 bottom-0 z-40 border-t border-stone-200 bg-white p-3 shadow-[0_-4px_12px_rgba(0,0,0,0.12)]"
            : "sr-only"
        }
        data-testid="add-to-cart-status"
      >
        {fetcher.data && !busy && (
          <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 text-sm">
            {fetcher.data.ok ? (
              <span className="font-semibold text-green-800">
                {translate(locale, "shop.added")}
                {fetcher.data.message && (
                  <span className="block font-normal text-amber-800">{fetcher.data.message}</span>
                )}
              </span>
            ) : (
              <span className="font-semibold text-red-800">{fetcher.data.message}</span>
            )}
            {fetcher.data.ok && (
              <Link
                to={localePath(locale, "/checkout")}
                className="min-h-11 shrink-0 rounded bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800"
              >
                {translate(locale, "shop.toCheckout")}
              </Link>
            )}
          </div>
        )}
      </div>
    </fetcher.Form>
  );
}
