import { Link } from "@remix-run/react";
import { localePath } from "~/utils/i18n";
import { translate } from "~/i18n/areas/storefront";
import { useLocale } from "~/utils/use-locale";

export interface Crumb {
  label: string;
  /** A path without the language prefix; the last crumb (this page) has none. */
  path?: string;
}

/** Where this page sits: home → region → county → cooperative → …, each a link but the last. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const locale = useLocale();
  const all: Crumb[] = [{ label: translate(locale, "nav.home"), path: "/" }, ...items];
  return (
    <nav aria-label={translate(locale, "browse.breadcrumb")} className="text-sm" data-testid="breadcrumbs">
      <ol className="flex flex-wrap items-center gap-x-1 gap-y-1 text-stone-600">
        {all.map((crumb, index) => (
          <li key={`${index}-${crumb.label}`} className="flex items-center gap-1">
            {index > 0 && (
              <span aria-hidden="true" className="text-stone-400">
                /
              </span>
            )}
            {crumb.path && index < all.length - 1 ? (
              <Link
                to={localePath(locale, crumb.path)}
                className="rounded px-0.5 text-brand-700 underline-offset-2 hover:underline"
              >
                {crumb.label}
              </Link>
            ) : (
              <span aria-current="page" className="px-0.5 text-stone-800">
                {crumb.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
