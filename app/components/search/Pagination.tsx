import { Link } from "@remix-run/react";
import { useT, translate } from "~/i18n/areas/storefront";
import { useLocale } from "~/utils/use-locale";

const linkClass =
  "inline-flex min-h-11 items-center rounded-md border border-stone-500 bg-white px-4 py-2 font-medium text-brand-800 hover:bg-stone-100";
const inactiveClass = "inline-flex min-h-11 items-center rounded-md border border-stone-200 px-4 py-2 text-stone-500";

/** Previous and next as real links (they work without JavaScript), with "page X of Y" between them. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  const locale = useLocale();
  const t = useT();
  if (pageCount <= 1) return null;
  return (
    <nav
      aria-label={translate(locale, "search.pagination")}
      className="flex items-center justify-between gap-2"
      data-testid="pagination"
    >
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev" className={linkClass}>
          <span aria-hidden="true">←&nbsp;</span>
          {t("search.prev")}
        </Link>
      ) : (
        <span aria-disabled="true" className={inactiveClass}>
          <span aria-hidden="true">←&nbsp;</span>
          {t("search.prev")}
        </span>
      )}
      <p className="text-sm text-stone-700">{translate(locale, "search.pageOf", { page, pages: pageCount })}</p>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next" className={linkClass}>
          {t("search.next")}
          <span aria-hidden="true">&nbsp;→</span>
        </Link>
      ) : (
        <span aria-disabled="true" className={inactiveClass}>
          {t("search.next")}
          <span aria-hidden="true">&nbsp;→</span>
        </span>
      )}
    </nav>
  );
}
