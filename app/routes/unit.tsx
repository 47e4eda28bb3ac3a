import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { requireUnitBuyer } from "~/accounts/auth.server";
import { ConsoleShell } from "~/components/ConsoleShell";
import { unitProfile } from "~/units/unit-buyer.server";
import { db } from "~/utils/db.server";
import { consoleLocale, pick, translate } from "~/utils/i18n";

/** Every page under /unit is for one unit's buyers; each child loader checks again itself. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUnitBuyer(request);
  const unit = await unitProfile(await db(), user.organisationId);
  return { locale: consoleLocale(request.url), email: user.email, unit: { nameZh: unit.nameZh, nameEn: unit.nameEn } };
}

export default function UnitLayout() {
  const { locale, email, unit } = useLoaderData<typeof loader>();
  return (
    <ConsoleShell
      locale={locale}
      title={`${translate(locale, "unit.title")} · ${pick(locale, unit, "name")}`}
      email={email}
      links={[
        { to: "/unit", label: "unit.nav.home", end: true },
        { to: "/unit/order", label: "unit.nav.order" },
        { to: "/unit/recipients", label: "unit.nav.recipients" },
        { to: "/unit/invoices", label: "unit.nav.invoices" },
        { to: "/unit/statement", label: "unit.nav.statement" },
      ]}
    >
      <Outlet />
    </ConsoleShell>
  );
}
