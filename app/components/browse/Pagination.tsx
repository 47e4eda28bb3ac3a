import { Link } from "@remix-run/react";
import type { Locale } from "~/utils/i18n";
import { localePath } from "~/utils/i18n";
import { translate } from "~/i18n/areas/storefront";
import { useLocale } from "~/utils/use-locale";

const pageHref = (locale: Locale, path: string, page: number) =>
  `${localePath(locale, path)}${page > 1 ? `?page=${page}` : ""}`;

/** Previous / next links between pages of a product list; nothing when there is one page. */
export function Pagination({
  page,
  pageCount,
  path,
}: {
  page: number;
  pageCount: number;
  /** The list's path without the language prefix. */
  path: string;
}) {
  const locale = useLocale();
  if (pageCount <= 1) return null;
  const link =
    "inline-flex min-h-11 items-center rounded border border-stone-300 bg-white px-4 font-medium text-brand-700 hover:bg-brand-50";
  return (
    <nav
      aria-label={translate(locale, "browse.pagination")}
      className="mt-6 flex flex-wrap items-center justify-between gap-3"
    >
      {page > 1 ? (
        <Link to={pageHref(locale, path, page - 1)} rel="prev" className={link}>
          ← {translate(locale, "browse.previous")}
        </Link>
      ) : (
        <span />
      )}
      <p className="text-sm text-stone-700">{translate(locale, "browse.pageOf", { page, count: pageCount })}</p>
      {page < pageCount ? (
        <Link to={pageHref(locale, path, page + 1)} rel="next" className={link}>
          {translate(locale, "browse.next")} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
