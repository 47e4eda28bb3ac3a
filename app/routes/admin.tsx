import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { ConsoleShell } from "~/components/ConsoleShell";
import { requireOrganiser } from "~/accounts/auth.server";
import { consoleLocale, translate } from "~/utils/i18n";

/** Every page under /admin is for organisers; each child loader checks the role again itself. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrganiser(request);
  return { locale: consoleLocale(request.url), email: user.email };
}

export default function AdminLayout() {
  const { locale, email } = useLoaderData<typeof loader>();
  return (
    <ConsoleShell
      locale={locale}
      title={translate(locale, "console.admin")}
      email={email}
      links={[
        { to: "/admin", label: "console.overview", end: true },
        { to: "/admin/reports", label: "console.reports" },
        { to: "/admin/live", label: "live.nav" },
        { to: "/admin/catalogue", label: "console.catalogue" },
        { to: "/admin/partnerships", label: "console.partnerships" },
        { to: "/admin/certification", label: "console.certification" },
        { to: "/admin/fair", label: "console.fair" },
        { to: "/admin/units", label: "unitAdmin.nav.units" },
        { to: "/admin/transfers", label: "unitAdmin.nav.transfers" },
        { to: "/admin/pledges", label: "unitAdmin.nav.pledges" },
        { to: "/admin/invitations", label: "console.invitations" },
        { to: "/admin/audit", label: "console.audit" },
        { to: "/admin/security", label: "console.totp" },
      ]}
    >
      <Outlet />
    </ConsoleShell>
  );
}
