import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { ConsoleShell } from "~/components/ConsoleShell";
import { requireCooperativeStaff } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { consoleLocale, pick, translate } from "~/utils/i18n";

/** Every page under /portal is for one cooperative's staff; each child loader checks again itself. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCooperativeStaff(request);
  const cooperative = await (
    await db()
  ).cooperative.findUniqueOrThrow({
    where: { id: user.cooperativeId },
    select: { nameZh: true, nameEn: true },
  });
  return { locale: consoleLocale(request.url), email: user.email, cooperative };
}

export default function PortalLayout() {
  const { locale, email, cooperative } = useLoaderData<typeof loader>();
  return (
    <ConsoleShell
      locale={locale}
      title={`${translate(locale, "console.portal")} · ${pick(locale, cooperative, "name")}`}
      email={email}
      links={[
        { to: "/portal", label: "console.overview", end: true },
        { to: "/portal/products", label: "portal.nav.products" },
        { to: "/portal/orders", label: "portal.nav.orders" },
        { to: "/portal/invoices", label: "unitAdmin.nav.invoices" },
        { to: "/portal/booth", label: "portal.nav.booth" },
        { to: "/portal/sales", label: "portal.nav.sales" },
      ]}
    >
      <Outlet />
    </ConsoleShell>
  );
}
