import type { ReactNode } from "react";
import { translate } from "~/i18n/areas/storefront";
import { PartnerList, type WeightedPartnerData } from "./PartnerList";
import { useLocale } from "~/utils/use-locale";

export interface SellerPartnersData {
  /** Whose partners these are: the cooperative's own, its county's (the fallback), or nobody's. */
  from: "cooperative" | "county" | "none";
  list: WeightedPartnerData[];
}

/** "Assisting organisations": the cooperative's partners, or its county's, with their shares. */
export function PartnersSection({
  partners,
  countyName,
  intro,
  headingLevel = 2,
}: {
  partners: SellerPartnersData;
  countyName: string;
  /** What to say above the cooperative's own partners. */
  intro: ReactNode;
  /** 3 when the section sits under another section's heading. */
  headingLevel?: 2 | 3;
}) {
  const locale = useLocale();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="partners-heading" data-partners-from={partners.from}>
      <Heading id="partners-heading" className={headingLevel === 2 ? "text-xl font-bold" : "text-lg font-semibold"}>
        {translate(locale, "browse.partners")}
      </Heading>
      {partners.from === "none" ? (
        <p className="mt-2 text-stone-600">{translate(locale, "browse.noPartners")}</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-stone-600">
            {partners.from === "county"
              ? translate(locale, "browse.partnersFromCounty", { county: countyName })
              : intro}
          </p>
          <PartnerList partners={partners.list} />
        </>
      )}
    </section>
  );
}
