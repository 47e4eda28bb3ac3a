import { translate } from "~/i18n/areas/storefront";
import { useLocale } from "~/utils/use-locale";

export type StockState = "IN_STOCK" | "FEW_LEFT" | "SOLD_OUT";

const styles: Record<StockState, string> = {
  IN_STOCK: "bg-green-100 text-green-900",
  FEW_LEFT: "bg-amber-100 text-amber-900",
  SOLD_OUT: "bg-red-100 text-red-900",
};

/** In stock, only a few left (with the count), or sold out. */
export function StockBadge({ state, stock, unit }: { state: StockState; stock: number; unit: string }) {
  const locale = useLocale();
  const label =
    state === "SOLD_OUT"
      ? translate(locale, "product.soldOut")
      : state === "FEW_LEFT"
        ? translate(locale, "product.fewLeft", { count: stock, unit })
        : translate(locale, "browse.inStock");
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${styles[state]}`}
      data-testid="stock-state"
      data-state={state}
    >
      {label}
    </span>
  );
}
