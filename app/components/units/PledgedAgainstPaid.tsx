import type { Locale } from "~/utils/i18n";
import { translate, type StorefrontKey } from "~/i18n/areas/storefront";
import { formatFen } from "~/utils/money";

/** The transparency page's line on units: what they pledged (认购签约) against what they have paid. */
export function PledgedAgainstPaid({
  locale,
  pledgedFen,
  paidFen,
}: {
  locale: Locale;
  pledgedFen: number;
  paidFen: number;
}) {
  if (pledgedFen === 0 && paidFen === 0) return null;
  const t = (key: string, p?: Record<string, string | number>) => translate(locale, key as StorefrontKey, p);
  const share = pledgedFen > 0 ? Math.round((paidFen * 1000) / pledgedFen) / 10 : null;
  return (
    <section className="space-y-3" data-testid="units-pledged-paid" aria-labelledby="units-pledged-paid">
      <h2 id="units-pledged-paid" className="text-xl font-bold">
        {t("unitAdmin.transparency.title")}
      </h2>
      <dl className="grid max-w-xl grid-cols-2 gap-3">
        <div className="rounded border border-stone-200 bg-white p-3">
          <dt className="text-sm text-stone-600">{t("unitAdmin.transparency.pledged")}</dt>
          <dd className="text-2xl font-bold tabular-nums" data-testid="units-pledged">
            {formatFen(pledgedFen, locale)}
          </dd>
        </div>
        <div className="rounded border border-stone-200 bg-white p-3">
          <dt className="text-sm text-stone-600">{t("unitAdmin.transparency.paid")}</dt>
          <dd className="text-2xl font-bold tabular-nums text-brand-800" data-testid="units-paid">
            {formatFen(paidFen, locale)}
          </dd>
          {share !== null && (
            <dd className="text-xs text-stone-600">{t("unitAdmin.transparency.share", { percent: `${share}%` })}</dd>
          )}
        </div>
      </dl>
      {pledgedFen > 0 && (
        <div className="h-3 max-w-xl overflow-hidden rounded bg-stone-200" aria-hidden="true">
          <div className="h-full bg-brand-700" style={{ width: `${Math.min(100, share ?? 0)}%` }} />
        </div>
      )}
    </section>
  );
}
