import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { requireUnitBuyer } from "~/accounts/auth.server";
import { ConsoleShell } from "~/components/ConsoleShell";
import { unitProfile } from "~/units/unit-buyer.server";
import { db } from "~/utils/db.server";
import { pick, localeFromUrl } from "~/utils/i18n";
import { translate, type MessageKey } from "~/i18n/areas/console";
import { FormMessages, type CodeTranslate } from "~/components/ui/Field";

/** Every page under /unit is for one unit's buyers; each child loader checks again itself. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUnitBuyer(request);
  const unit = await unitProfile(await db(), user.organisationId);
  return { locale: localeFromUrl(request.url), email: user.email, unit: { nameZh: unit.nameZh, nameEn: unit.nameEn } };
}

// The unit's forms show their errors from the dictionary its pages use (the storefront's is the default).
const consoleCode: CodeTranslate = (locale, code) => translate(locale, code as MessageKey);

export default function UnitLayout() {
  const { locale, email, unit } = useLoaderData<typeof loader>();
  return (
    <ConsoleShell
      title={`${translate(locale, "unit.title")} · ${pick(locale, unit, "name")}`}
      email={email}
      links={[
        { to: "/unit", label: translate(locale, "unit.nav.home"), end: true },
        { to: "/unit/order", label: translate(locale, "unit.nav.order") },
        { to: "/unit/recipients", label: translate(locale, "unit.nav.recipients") },
        { to: "/unit/invoices", label: translate(locale, "unit.nav.invoices") },
        { to: "/unit/statement", label: translate(locale, "unit.nav.statement") },
      ]}
    >
      <FormMessages.Provider value={consoleCode}>
        <Outlet />
      </FormMessages.Provider>
    </ConsoleShell>
  );
}
