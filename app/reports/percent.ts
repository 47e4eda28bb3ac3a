/**
 * A share in percent with one decimal, or null when the whole is not positive. Its own module:
 * the public transparency page uses it, and must not import the report tables (and their
 * console dictionary) to get it.
 */
export function percent(part: number, whole: number): string | null {
  if (whole <= 0) return null;
  return (Math.round((part / whole) * 1000) / 10).toFixed(1);
}
