import { shanghaiToday } from "~/utils/shanghai-time";

/** The certificate fields a product (or a sold line) is judged by. */
export interface CertificateValidity {
  certificateNumber: string | null;
  certifiedFrom: Date | null;
  certifiedUntil: Date | null;
}

/**
 * Certified on the day of sale: a certificate number and a validity that covers that day.
 * Certificates run by calendar day in China, so the day is Shanghai's. Checkout's one-statement
 * reservation (payments/reservation.server.ts, reserveCartAsOrder) applies the same rule in SQL:
 * change both together.
 */
export function isCertified(product: CertificateValidity, on: Date): boolean {
  if (!product.certificateNumber) return false;
  const day = shanghaiToday(on);
  const from = product.certifiedFrom?.toISOString().slice(0, 10);
  const until = product.certifiedUntil?.toISOString().slice(0, 10);
  return (!from || from <= day) && (!until || day <= until);
}
