import type { PaymentProvider } from "../provider";

/**
 * Payment at the fair's booth, in cash or to the booth's own QR code: the cooperative confirms it
 * on the spot (recordBoothSale), so there is no payment page and no webhook. Refunds of booth
 * sales are not handled by the app yet: the money went to the booth, not through a provider.
 */
export const boothPaymentProvider: PaymentProvider = {
  id: "booth",
  // References are "cash" or "qr": nothing a later report could be stale against.
  referencePrefix: "",
  confirmation(orderId) {
    return { eventId: `booth:${orderId}` };
  },
  async sendRefund(refund) {
    throw new Error(`order ${refund.orderId}: cannot refund through provider booth`);
  },
};
