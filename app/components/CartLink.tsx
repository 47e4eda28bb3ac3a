import { Link, useFetchers, useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { localePath } from "~/utils/i18n";
import { translate } from "~/i18n/areas/storefront";
import { useLocale } from "~/utils/use-locale";

/**
 * The header's cart link. The page is rendered without the count (so every visitor gets the
 * same, cacheable page); once the page runs, the count comes from /cart/count, and again after
 * every navigation, form post or fetcher submission (adding to the cart is a fetcher) settles.
 */
export function CartLink() {
  const locale = useLocale();
  const [count, setCount] = useState(0);
  const location = useLocation();
  const navigation = useNavigation();
  const fetchers = useFetchers();
  const idle = navigation.state === "idle" && fetchers.every((fetcher) => fetcher.state === "idle");
  useEffect(() => {
    if (!idle) return;
    const controller = new AbortController();
    fetch("/cart/count", { signal: controller.signal, credentials: "same-origin", cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<{ count: number }>) : { count: 0 }))
      .then(({ count }) => setCount(count))
      .catch(() => undefined); // the link still works without a number
    return () => controller.abort();
  }, [location.key, idle]);
  return (
    <Link
      to={localePath(locale, "/cart")}
      className="rounded border border-white/60 px-3 py-1.5 hover:bg-white/10"
      data-testid="cart-link"
    >
      {count > 0 ? translate(locale, "shop.cartWithCount", { count }) : translate(locale, "shop.cart")}
    </Link>
  );
}
