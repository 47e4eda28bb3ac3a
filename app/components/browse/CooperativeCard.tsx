import { Link } from "@remix-run/react";
import { localePath, pick } from "~/utils/i18n";
import { useT } from "~/i18n/areas/storefront";
import { linkageKey, type LinkageType } from "./format";
import { useLocale } from "~/utils/use-locale";

export interface CooperativeCardData {
  slug: string;
  nameZh: string;
  nameEn: string;
  linkageType: LinkageType;
  householdsLinked: number;
  boothNumber: string | null;
  county: { nameZh: string; nameEn: string; region: { nameZh: string; nameEn: string } };
  _count: { products: number };
}

/** A cooperative at a glance: where it is, how it lifts households, its booth and goods on sale. */
export function CooperativeCard({ cooperative }: { cooperative: CooperativeCardData }) {
  const locale = useLocale();
  const t = useT();
  return (
    <li className="flex flex-col rounded-lg border border-stone-200 bg-white p-4 shadow-sm" data-testid="cooperative">
      <h3 className="font-semibold leading-snug">
        <Link
          to={localePath(locale, `/cooperatives/${cooperative.slug}`)}
          className="text-brand-800 underline-offset-2 hover:underline"
        >
          {pick(locale, cooperative, "name")}
        </Link>
      </h3>
      <p className="mt-1 text-sm text-stone-600">
        {pick(locale, cooperative.county.region, "name")} · {pick(locale, cooperative.county, "name")}
      </p>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-stone-600">{t("browse.linkage")}</dt>
        <dd>{t(linkageKey(cooperative.linkageType))}</dd>
        <dt className="text-stone-600">{t("browse.households")}</dt>
        <dd>{t("browse.householdsCount", { count: cooperative.householdsLinked })}</dd>
        <dt className="text-stone-600">{t("browse.booth")}</dt>
        <dd>{cooperative.boothNumber ?? t("browse.noBooth")}</dd>
      </dl>
      <p className="mt-auto pt-3 text-xs font-medium text-stone-700">
        {t("browse.productCount", { count: cooperative._count.products })}
      </p>
    </li>
  );
}
