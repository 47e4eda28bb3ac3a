import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { ConsoleShell } from "~/components/ConsoleShell";
import { requireOrganiser } from "~/accounts/auth.server";
import { localeFromUrl } from "~/utils/i18n";
import { useT } from "~/i18n/areas/console";

/** Every page under /admin is for organisers; each child loader checks the role again itself. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrganiser(request);
  return { locale: localeFromUrl(request.url), email: user.email };
}

export default function AdminLayout() {
  const { email } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <ConsoleShell
      title={t("console.admin")}
      email={email}
      links={[
        { to: "/admin", label: t("console.overview"), end: true },
        { to: "/admin/reports", label: t("console.reports") },
        { to: "/admin/live", label: t("live.nav") },
        { to: "/admin/catalogue", label: t("console.catalogue") },
        { to: "/admin/partnerships", label: t("console.partnerships") },
        { to: "/admin/certification", label: t("console.certification") },
        { to: "/admin/fair", label: t("console.fair") },
        { to: "/admin/invitations", label: t("console.invitations") },
        { to: "/admin/audit", label: t("console.audit") },
        { to: "/admin/security", label: t("console.totp") },
      ]}
    >
      <Outlet />
    </ConsoleShell>
  );
}
