import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getAuditLog } from "~/console/admin.server";
import { requireOrganiser } from "~/accounts/auth.server";
import { formatDateTime } from "~/utils/shanghai-time";
import { db } from "~/utils/db.server";
import { localeFromUrl } from "~/utils/i18n";
import { useT } from "~/i18n/areas/console";

export const meta: MetaFunction = () => [{ title: "操作日志 · Audit log" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const entries = await getAuditLog(await db());
  return {
    locale: localeFromUrl(request.url),
    entries: entries.map((e) => ({
      ...e,
      id: e.id.toString(),
      before: JSON.stringify(e.before),
      after: JSON.stringify(e.after),
    })),
  };
}

export default function AuditLogPage() {
  const { locale, entries } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div>
      <h1 className="text-xl font-bold">{t("console.audit")}</h1>
      <table className="mt-3 w-full table-fixed text-xs" data-testid="audit-log">
        <thead>
          <tr className="text-left text-stone-600">
            <th className="w-36">{t("console.when")}</th>
            <th className="w-40">{t("console.who")}</th>
            <th className="w-40">{t("console.what")}</th>
            <th>before → after</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-t border-stone-200 align-top">
              <td className="py-1">{formatDateTime(e.createdAt, locale)}</td>
              <td className="break-all">{e.actor?.email ?? "—"}</td>
              <td>
                {e.action} {e.entity}
              </td>
              <td className="break-all font-mono">
                <details>
                  <summary className="cursor-pointer">{e.entityId}</summary>
                  <p>{e.before}</p>
                  <p>→ {e.after}</p>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
