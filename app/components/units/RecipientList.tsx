import { pick, type Locale } from "~/utils/i18n";
import { translate } from "~/i18n/areas/console";

export interface RecipientRowData {
  id: string;
  line: number;
  recipient: string;
  mobile: string;
  province: string;
  city: string;
  district: string;
  address: string;
  quantity: number;
  product: { nameZh: string; nameEn: string };
}

/**
 * Where a unit's order goes when it ships to a recipient list: one row per delivery of this
 * cooperative's products (a long list folds away; <details> needs no JavaScript).
 */
export function RecipientList({ locale, recipients }: { locale: Locale; recipients: RecipientRowData[] }) {
  if (recipients.length === 0) return null;
  const t = (key: string, p?: Record<string, string | number>) => translate(locale, key as never, p);
  const parcels = recipients.reduce((sum, r) => sum + r.quantity, 0);
  return (
    <details className="text-sm" open={recipients.length <= 10} data-testid="recipient-list">
      <summary className="cursor-pointer font-medium">
        {t("unitAdmin.portal.recipients", { count: recipients.length, parcels })}
      </summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full min-w-[40rem]">
          <thead>
            <tr className="border-b border-stone-300 text-left text-xs text-stone-600">
              <th className="py-1">#</th>
              <th>{t("unitAdmin.portal.recipient")}</th>
              <th>{t("unitAdmin.portal.mobile")}</th>
              <th>{t("portal.orders.address")}</th>
              <th>{t("unitAdmin.portal.product")}</th>
              <th className="text-right">{t("shop.quantity")}</th>
            </tr>
          </thead>
          <tbody>
            {recipients.map((r) => (
              <tr key={r.id} className="border-b border-stone-100" data-testid="recipient-row">
                <td className="py-1 text-stone-500">{r.line}</td>
                <td>{r.recipient}</td>
                <td className="tabular-nums">{r.mobile}</td>
                <td>{[r.province, r.city, r.district, r.address].join(" ")}</td>
                <td>{pick(locale, r.product, "name")}</td>
                <td className="text-right">{r.quantity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
