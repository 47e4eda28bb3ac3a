import { Admission } from "~/utils/admission.server";
import { database } from "~/utils/db.server";

// One per process, sized by the database capacity plan (app/utils/db-capacity.server.ts).
const holder = globalThis as typeof globalThis & { __fairCheckoutAdmission?: Admission };

/** The process's checkout admission: how many checkouts may be inside a transaction at once. */
export async function checkoutAdmission(): Promise<{ admission: Admission; retryAfterSeconds: number }> {
  const { capacity } = await database();
  holder.__fairCheckoutAdmission ??= new Admission({
    slots: capacity.checkoutSlots,
    maxWaitMs: capacity.checkoutQueueMs,
    maxQueue: capacity.checkoutQueueLength,
  });
  return { admission: holder.__fairCheckoutAdmission, retryAfterSeconds: capacity.retryAfterSeconds };
}
