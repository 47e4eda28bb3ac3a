import { Link } from "@remix-run/react";
import { localePath, pick } from "~/utils/i18n";
import { translate } from "~/i18n/areas/storefront";
import { useLocale } from "~/utils/use-locale";

type Named = { slug: string; nameZh: string; nameEn: string };

/** Where a product comes from: region → county → cooperative, each a link to its page. */
export function Provenance({
  region,
  county,
  cooperative,
}: {
  region: Named;
  county: Named & { isKeyCounty: boolean };
  cooperative: Named;
}) {
  const locale = useLocale();
  const steps = [
    { label: translate(locale, "browse.region"), path: `/regions/${region.slug}`, record: region },
    { label: translate(locale, "browse.county"), path: `/counties/${county.slug}`, record: county },
    { label: translate(locale, "browse.cooperative"), path: `/cooperatives/${cooperative.slug}`, record: cooperative },
  ];
  return (
    <ol className="flex flex-col gap-2 sm:flex-row sm:items-stretch" data-testid="provenance">
      {steps.map((step, index) => (
        <li key={step.path} className="flex items-center gap-2 sm:flex-1">
          <Link
            to={localePath(locale, step.path)}
            className="block flex-1 rounded-lg border border-stone-200 bg-white p-3 hover:border-brand-700"
          >
            <span className="block text-xs text-stone-600">{step.label}</span>
            <span className="font-semibold text-brand-800 underline underline-offset-2">
              {pick(locale, step.record, "name")}
            </span>
            {step.record === county && county.isKeyCounty && (
              <span className="ml-2 rounded bg-brand-100 px-1.5 py-0.5 text-xs font-medium text-brand-800">
                {translate(locale, "browse.keyCounty")}
              </span>
            )}
          </Link>
          {index < steps.length - 1 && (
            <span aria-hidden="true" className="hidden text-stone-500 sm:inline">
              →
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
