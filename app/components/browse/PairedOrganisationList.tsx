import { Link } from "@remix-run/react";
import { localePath, pick } from "~/utils/i18n";
import { translate } from "~/i18n/areas/storefront";
import { organisationKindKey, type OrganisationKind } from "./format";
import { useLocale } from "~/utils/use-locale";

export interface PairedOrganisationData {
  slug: string;
  nameZh: string;
  nameEn: string;
  kind: OrganisationKind;
  pairedWith: { kind: "county" | "cooperative"; slug: string; nameZh: string; nameEn: string }[];
}

/** The organisations paired somewhere in a region or county, with what each is paired with. */
export function PairedOrganisationList({ organisations }: { organisations: PairedOrganisationData[] }) {
  const locale = useLocale();
  if (!organisations.length) {
    return <p className="mt-3 text-stone-600">{translate(locale, "browse.noAreaPartners")}</p>;
  }
  return (
    <ul className="mt-3 grid gap-3 sm:grid-cols-2" data-testid="partners">
      {organisations.map((organisation) => (
        <li key={organisation.slug} className="rounded-lg border border-stone-200 bg-white p-3" data-testid="partner">
          <p className="font-medium">{pick(locale, organisation, "name")}</p>
          <p className="text-xs text-stone-600">{translate(locale, organisationKindKey(organisation.kind))}</p>
          <p className="mt-2 text-sm">
            <span className="text-stone-600">{translate(locale, "browse.pairedWith")}</span>
            {locale === "en" && " "}
            {organisation.pairedWith.map((target, index) => (
              <span key={`${target.kind}-${target.slug}`}>
                {index > 0 && (locale === "zh" ? "、" : ", ")}
                <Link
                  to={localePath(locale, `/${target.kind === "county" ? "counties" : "cooperatives"}/${target.slug}`)}
                  className="text-brand-700 underline underline-offset-2"
                >
                  {pick(locale, target, "name")}
                </Link>
              </span>
            ))}
          </p>
        </li>
      ))}
    </ul>
  );
}
