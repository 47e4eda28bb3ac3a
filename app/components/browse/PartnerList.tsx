import { pick } from "~/utils/i18n";
import { translate } from "~/i18n/areas/storefront";
import { formatShare, organisationKindKey, type OrganisationKind } from "./format";
import { useLocale } from "~/utils/use-locale";

export interface WeightedPartnerData {
  slug: string;
  nameZh: string;
  nameEn: string;
  kind: OrganisationKind;
  weight: number;
  share: number;
}

/** The organisations a sale is credited to, each with its agreed share. */
export function PartnerList({ partners }: { partners: WeightedPartnerData[] }) {
  const locale = useLocale();
  return (
    <ul className="mt-3 space-y-2" data-testid="partners">
      {partners.map((partner) => (
        <li key={partner.slug} className="rounded-lg border border-stone-200 bg-white p-3" data-testid="partner">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <p className="font-medium">{pick(locale, partner, "name")}</p>
            <p className="text-sm text-stone-700">
              <span className="sr-only">{translate(locale, "browse.share")} </span>
              <span className="font-semibold tabular-nums">{formatShare(partner.share, locale)}</span>
            </p>
          </div>
          <p className="text-xs text-stone-600">{translate(locale, organisationKindKey(partner.kind))}</p>
          <div className="mt-2 h-1.5 overflow-hidden rounded bg-stone-200" aria-hidden="true">
            <div className="h-full bg-brand-600" style={{ width: `${Math.round(partner.share * 100)}%` }} />
          </div>
        </li>
      ))}
    </ul>
  );
}
