import { Link } from "@remix-run/react";
import { pick } from "~/utils/i18n";
import { translate } from "~/i18n/areas/console";
import { reportHref, type ReportFilters } from "~/reports/report-params";
import type { Named, ReportScope } from "~/reports/types";
import { useLocale } from "~/utils/use-locale";

/** Where the view sits: 全部地区 / 青海果洛 / 玛沁县; every level above is a link that keeps the other filters. */
export function ScopeTrail({ scope, filters }: { scope: ReportScope; filters: ReportFilters }) {
  const locale = useLocale();
  const top = { ...filters, region: undefined, county: undefined, cooperative: undefined };
  const crumbs: { label: string; href: string }[] = [
    { label: translate(locale, "reports.scope.all"), href: reportHref(locale, top) },
  ];
  const add = (place: Named | undefined, view: ReportFilters) => {
    if (place) crumbs.push({ label: pick(locale, place, "name"), href: reportHref(locale, view) });
  };
  add(scope.region, { ...top, region: scope.region?.slug });
  add(scope.county, { ...top, county: scope.county?.slug });
  add(scope.cooperative, { ...top, cooperative: scope.cooperative?.slug });
  return (
    <nav aria-label={translate(locale, "reports.scope")} data-testid="scope-trail" className="print:hidden">
      <ol className="flex flex-wrap items-center gap-1 text-sm">
        {crumbs.map((crumb, i) => (
          <li key={crumb.href} className="flex items-center gap-1">
            {i > 0 && (
              <span aria-hidden="true" className="text-stone-400">
                /
              </span>
            )}
            {i < crumbs.length - 1 ? (
              <Link to={crumb.href} className="text-brand-700 underline underline-offset-2">
                {crumb.label}
              </Link>
            ) : (
              <span aria-current="page" className="font-semibold">
                {crumb.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
