/**
 * Splits an amount of fen among shares by weight with the largest-remainder method: every share
 * is the floor of its exact value, and the fen left over go one each to the largest remainders
 * (ties broken by the key, so the result does not depend on input order). Shares sum to the amount.
 */
export function allocateByWeight<K extends string>(
  amountFen: number,
  weights: { key: K; weight: number }[],
): Map<K, number> {
  if (!Number.isSafeInteger(amountFen)) throw new TypeError(`amount must be integer fen, got ${amountFen}`);
  const positive = weights.filter((w) => w.weight > 0);
  const result = new Map<K, number>(weights.map((w) => [w.key, 0]));
  const total = positive.reduce((sum, w) => sum + w.weight, 0);
  if (total === 0 || amountFen === 0) return result;
  const sign = Math.sign(amountFen);
  const amount = Math.abs(amountFen);
  const parts = positive.map((w) => {
    const exact = (amount * w.weight) / total;
    const floor = Math.floor(exact);
    // Remainders compared as integers (amount*weight mod total) to avoid floating-point ties.
    return { key: w.key, floor, remainder: (amount * w.weight) % total };
  });
  let left = amount - parts.reduce((sum, p) => sum + p.floor, 0);
  parts.sort((a, b) => b.remainder - a.remainder || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const part of parts) {
    const extra = left > 0 ? 1 : 0;
    left -= extra;
    result.set(part.key, sign * (part.floor + extra));
  }
  return result;
}
