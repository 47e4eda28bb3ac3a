import { useT } from "~/i18n/areas/storefront";
import { formatDay, formatDayRange } from "./format";
import { useLocale } from "~/utils/use-locale";

export type CertificationData =
  | { status: "none" }
  | {
      status: "valid" | "expired" | "pending";
      number: string;
      body: string;
      validFrom: string | null;
      validUntil: string | null;
    };

const badge = {
  valid: "bg-green-100 text-green-900 ring-green-700/30",
  expired: "bg-red-100 text-red-900 ring-red-700/30",
  pending: "bg-amber-100 text-amber-900 ring-amber-700/30",
  none: "bg-stone-100 text-stone-800 ring-stone-400/40",
} as const;

/** The assistance-product certificate: badge, number, body and validity, or why sales do not count. */
export function CertificationPanel({ certification }: { certification: CertificationData }) {
  const locale = useLocale();
  const t = useT();
  const label = {
    valid: t("product.certified"),
    expired: t("browse.certExpired"),
    pending: t("browse.certPending"),
    none: t("product.uncertified"),
  }[certification.status];
  return (
    <section aria-labelledby="certification-heading" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="certification-heading" className="text-base font-semibold">
        {t("browse.certification")}
      </h2>
      <p className="mt-2">
        <span
          className={`inline-flex items-center gap-1 rounded px-2 py-1 text-sm font-semibold ring-1 ${badge[certification.status]}`}
          data-testid="certification-badge"
          data-status={certification.status}
        >
          <span aria-hidden="true">
            {certification.status === "valid" ? "✓" : certification.status === "none" ? "–" : "!"}
          </span>
          {label}
        </span>
      </p>
      {certification.status === "none" ? (
        <p className="mt-2 text-sm text-stone-700">{t("browse.notCertifiedNote")}</p>
      ) : (
        <>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-stone-600">{t("browse.certNumber")}</dt>
            <dd className="font-mono" data-testid="certificate-number">
              {certification.number}
            </dd>
            {certification.body && (
              <>
                <dt className="text-stone-600">{t("browse.certBody")}</dt>
                <dd>{certification.body}</dd>
              </>
            )}
            {certification.validFrom && certification.validUntil && (
              <>
                <dt className="text-stone-600">{t("browse.certValidity")}</dt>
                <dd>{formatDayRange(certification.validFrom, certification.validUntil, locale)}</dd>
              </>
            )}
          </dl>
          {certification.status === "expired" && certification.validUntil && (
            <p className="mt-2 text-sm text-red-900">
              {t("browse.certExpiredNote", { date: formatDay(certification.validUntil, locale) })}
            </p>
          )}
          {certification.status === "pending" && certification.validFrom && (
            <p className="mt-2 text-sm text-amber-900">
              {t("browse.certPendingNote", { date: formatDay(certification.validFrom, locale) })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
