import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateByWeight } from "./attribution";

const weightsArb = fc.uniqueArray(
  fc.record({ key: fc.string({ minLength: 1, maxLength: 6 }), weight: fc.integer({ min: 0, max: 1000 }) }),
  {
    selector: (w) => w.key,
    minLength: 1,
    maxLength: 8,
  },
);

describe("allocateByWeight (largest remainder)", () => {
  it("splits 100 fen 60/40 and 1 fen 50/50 deterministically", () => {
    expect([
      ...allocateByWeight(100, [
        { key: "a", weight: 60 },
        { key: "b", weight: 40 },
      ]),
    ]).toEqual([
      ["a", 60],
      ["b", 40],
    ]);
    expect(
      Object.fromEntries(
        allocateByWeight(1, [
          { key: "b", weight: 1 },
          { key: "a", weight: 1 },
        ]),
      ),
    ).toEqual({ a: 1, b: 0 });
    expect(
      Object.fromEntries(
        allocateByWeight(100, [
          { key: "x", weight: 1 },
          { key: "y", weight: 1 },
          { key: "z", weight: 1 },
        ]),
      ),
    ).toEqual({ x: 34, y: 33, z: 33 });
  });

  it("always sums to the amount when any weight is positive, each share within one fen of exact", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), weightsArb, (amount, weights) => {
        const total = weights.reduce((s, w) => s + w.weight, 0);
        const shares = allocateByWeight(amount, weights);
        const sum = [...shares.values()].reduce((s, v) => s + v, 0);
        if (total === 0) return sum === 0;
        if (sum !== amount) return false;
        return weights.every((w) => Math.abs(shares.get(w.key)! - (amount * w.weight) / total) < 1);
      }),
    );
  });

  it("does not depend on the order of the input, and gives zero weight nothing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), weightsArb, (amount, weights) => {
        const forward = allocateByWeight(amount, weights);
        const backward = allocateByWeight(amount, [...weights].reverse());
        return weights.every(
          (w) => forward.get(w.key) === backward.get(w.key) && (w.weight > 0 || forward.get(w.key) === 0),
        );
      }),
    );
  });
});
