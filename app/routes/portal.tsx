import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { ConsoleShell } from "~/components/ConsoleShell";
import { requireCooperativeStaff } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { localeFromUrl, pick } from "~/utils/i18n";
import { FormMessages, type CodeTranslate } from "~/components/ui/Field";
import { translate, useT, type PortalKey } from "~/i18n/areas/portal";

/** Every page under /portal is for one cooperative's staff; each child loader checks again itself. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCooperativeStaff(request);
  const cooperative = await (
    await db()
  ).cooperative.findUniqueOrThrow({
    where: { id: user.cooperativeId },
    select: { nameZh: true, nameEn: true },
  });
  return { locale: localeFromUrl(request.url), email: user.email, cooperative };
}

// The portal's forms show their errors from the portal's dictionary (the storefront's is the default).
const portalCode: CodeTranslate = (locale, code) => translate(locale, code as PortalKey);

export default function PortalLayout() {
  const { locale, email, cooperative } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <ConsoleShell
      title={`${t("console.portal")} · ${pick(locale, cooperative, "name")}`}
      email={email}
      links={[
        { to: "/portal", label: t("console.overview"), end: true },
        { to: "/portal/products", label: t("portal.nav.products") },
        { to: "/portal/orders", label: t("portal.nav.orders") },
        { to: "/portal/invoices", label: t("unitAdmin.nav.invoices") },
        { to: "/portal/booth", label: t("portal.nav.booth") },
        { to: "/portal/sales", label: t("portal.nav.sales") },
      ]}
    >
      <FormMessages.Provider value={portalCode}>
        <Outlet />
      </FormMessages.Provider>
    </ConsoleShell>
  );
}
