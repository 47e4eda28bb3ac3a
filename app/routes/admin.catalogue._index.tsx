import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCatalogueAdmin } from "~/console/admin.server";
import { requireOrganiser } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { localeFromUrl, pick } from "~/utils/i18n";
import { translate, type MessageKey } from "~/i18n/areas/console";
import { useLocale } from "~/utils/use-locale";

export const meta: MetaFunction = () => [
  { title: "地区与合作社 · Regions and cooperatives" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const { regions, counties, cooperatives, organisations } = await getCatalogueAdmin(await db());
  return { locale: localeFromUrl(request.url), regions, counties, cooperatives, organisations };
}

function Section({
  title,
  entity,
  rows,
}: {
  title: MessageKey;
  entity: string;
  rows: { id: string; nameZh: string; nameEn: string; slug: string }[];
}) {
  const locale = useLocale();
  const suffix = locale === "en" ? "?lang=en" : "";
  return (
    <section className="rounded border border-stone-200 bg-white p-4" aria-labelledby={`${entity}-heading`}>
      <div className="flex items-center justify-between">
        <h2 id={`${entity}-heading`} className="font-bold">
          {translate(locale, title)} ({rows.length})
        </h2>
        <Link
          to={`/admin/catalogue/${entity}/new${suffix}`}
          className="rounded bg-brand-700 px-3 py-1 text-sm text-white"
        >
          {translate(locale, "console.create")}
        </Link>
      </div>
      <ul className="mt-2 max-h-72 divide-y overflow-y-auto text-sm">
        {rows.map((row) => (
          <li key={row.id} className="flex justify-between gap-2 py-1">
            <span>
              {pick(locale, row, "name")} <span className="text-xs text-stone-500">{row.slug}</span>
            </span>
            <Link to={`/admin/catalogue/${entity}/${row.id}${suffix}`} className="text-brand-700 underline">
              {translate(locale, "console.edit")}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function CatalogueAdmin() {
  const { locale, regions, counties, cooperatives, organisations } = useLoaderData<typeof loader>();
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <h1 className="sr-only">{translate(locale, "console.catalogue")}</h1>
      <Section title="console.regions" entity="region" rows={regions} />
      <Section title="console.counties" entity="county" rows={counties} />
      <Section title="console.cooperatives" entity="cooperative" rows={cooperatives} />
      <Section title="console.organisations" entity="organisation" rows={organisations} />
    </div>
  );
}
