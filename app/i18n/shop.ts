/** Messages of cart, checkout, payment and orders. */
export const zh = {
  "shop.quantity": "数量",
  "shop.addToCart": "加入购物车",
  "shop.adding": "正在加入…",
  "shop.added": "已加入购物车",
  "shop.cart": "购物车",
} as const;

export const en: Record<keyof typeof zh, string> = {
  "shop.quantity": "Quantity",
  "shop.addToCart": "Add to cart",
  "shop.adding": "Adding…",
  "shop.added": "Added to your cart",
  "shop.cart": "Cart",
};
