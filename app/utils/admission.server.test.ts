import { describe, expect, it } from "vitest";
import { Admission, BusyError } from "./admission.server";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("Admission", () => {
  it("runs at most its slots at once and lets the queue in, in order, as slots free", async () => {
    const admission = new Admission({ slots: 2, maxWaitMs: 5_000, maxQueue: 10 });
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        admission.run(async () => {
          running++;
          peak = Math.max(peak, running);
          order.push(i);
          await sleep(10);
          running--;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(admission.load).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses with BusyError when no slot frees within the wait, and when the queue is full", async () => {
    const admission = new Admission({ slots: 1, maxWaitMs: 30, maxQueue: 1 });
    const long = admission.run(() => sleep(200));
    const waiting = admission.run(async () => "never");
    const overflow = admission.run(async () => "never");
    await expect(overflow).rejects.toBeInstanceOf(BusyError);
    await expect(waiting).rejects.toBeInstanceOf(BusyError);
    await long;
    // A refused task never ran and holds no slot: the next one gets in at once.
    await expect(admission.run(async () => "ran")).resolves.toBe("ran");
  });

  it("frees the slot when a task throws", async () => {
    const admission = new Admission({ slots: 1, maxWaitMs: 30, maxQueue: 5 });
    await expect(admission.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(admission.run(async () => 1)).resolves.toBe(1);
  });
});
