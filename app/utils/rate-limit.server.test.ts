/**
 * The per-address limits hold across a window boundary: a burst that straddles the minute is
 * refused once it passes the limit, as one inside a minute is (a fixed window let it through,
 * and made the HTTP test of the checkout limit fail when it happened to cross the minute).
 */
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../tests/support/database";
import { hitRateLimit, type RateLimit } from "./rate-limit.server";

const t = withTestDatabase();
const limit: RateLimit = { name: "test", max: 10, windowSeconds: 60 };
const minute = Date.UTC(2026, 9, 17, 2, 0, 0);

async function burst(key: string, times: number[]) {
  const results = [];
  for (const at of times) results.push(await hitRateLimit(t.prisma, limit, key, new Date(at)));
  return results;
}

describe("hitRateLimit", () => {
  it("refuses a burst that straddles a window boundary once it passes the limit", async () => {
    // Six requests in the last second of one minute, six in the first second of the next.
    const times = [...Array(6).fill(minute - 500), ...Array(6).fill(minute + 500)];
    const results = await burst("straddle", times);
    expect(results.map((r) => r.allowed)).toEqual([...Array(10).fill(true), false, false]);
    const refused = results.at(-1)!;
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("lets the previous window's share fade: allowed again once it has slid out", async () => {
    await burst("fade", Array(10).fill(minute - 1000));
    expect((await hitRateLimit(t.prisma, limit, "fade", new Date(minute + 1000))).allowed).toBe(false);
    // Three quarters into the next minute only a quarter of the ten (2.5) plus this window's hits count.
    const later = await burst("fade", Array(5).fill(minute + 45_000));
    expect(later.map((r) => r.allowed)).toEqual([true, true, true, true, true]);
  });

  it("says when the next request will be allowed again", async () => {
    await burst("retry", Array(10).fill(minute - 1000));
    // 6.5 s into the next minute nine of the ten still count: one more is allowed, a second is not.
    const [first, refused] = await burst("retry", [minute + 6500, minute + 6500]);
    expect(first!.allowed).toBe(true);
    expect(refused!.allowed).toBe(false);
    // Asked again after Retry-After (refused requests count too), the request is allowed.
    const later = minute + 6500 + refused!.retryAfterSeconds * 1000;
    expect((await hitRateLimit(t.prisma, limit, "retry", new Date(later))).allowed).toBe(true);
  });

  it("counts each address and each limit apart", async () => {
    await burst("one", Array(11).fill(minute + 10_000));
    expect((await hitRateLimit(t.prisma, limit, "two", new Date(minute + 10_000))).allowed).toBe(true);
    const other = { ...limit, name: "other" };
    expect((await hitRateLimit(t.prisma, other, "one", new Date(minute + 10_000))).allowed).toBe(true);
  });
});
