/** The `?page=` of a product list: 1 when absent, null when it is not a page number (a 404). */
export function parsePage(request: Request): number | null {
  const raw = new URL(request.url).searchParams.get("page");
  if (raw === null) return 1;
  if (!/^[1-9]\d{0,3}$/.test(raw)) return null;
  return Number(raw);
}
