// Stock thresholds shared by the catalogue, the portal and the product cards.

/** At or below this many units a product shows "few left" (and the portal warns its cooperative). */
export const FEW_LEFT = 5;
/** The most units a product may have in stock; the database holds it too (Product_stock_at_most_max). */
export const MAX_STOCK = 100_000;
