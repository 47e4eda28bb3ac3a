/** The order number buyers and cooperatives quote: the first eight characters of its id, upper case. */
export const orderNumber = (orderId: string) => orderId.slice(0, 8).toUpperCase();
