// Stock thresholds shared by the catalogue, the portal and the product cards.

/** At or below this many units a product shows "few left" (and the portal warns its cooperative). */
export const FEW_LEFT = 5;
