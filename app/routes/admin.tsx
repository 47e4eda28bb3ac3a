import type { LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Outlet,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { ConsoleShell } from "~/components/ConsoleShell";
import { ErrorReference } from "~/components/ErrorReference";
import { FormMessages, type CodeTranslate } from "~/components/ui/Field";
import { requireOrganiser } from "~/accounts/auth.server";
import { localeFromUrl } from "~/utils/i18n";
import { translate, useT, type MessageKey } from "~/i18n/areas/console";

/** Every page under /admin is for organisers; each child loader checks the role again itself. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrganiser(request);
  return { locale: localeFromUrl(request.url), email: user.email };
}

const LINKS: { to: string; label: MessageKey; end?: boolean }[] = [
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
];

// Console forms show their errors from the console's dictionary (the storefront's is the default).
const consoleCode: CodeTranslate = (locale, code) => translate(locale, code as MessageKey);

function AdminFrame({ email, children }: { email: string; children: ReactNode }) {
  const t = useT();
  return (
    <ConsoleShell
      title={t("console.admin")}
      email={email}
      links={LINKS.map((link) => ({ ...link, label: t(link.label) }))}
    >
      <FormMessages.Provider value={consoleCode}>{children}</FormMessages.Provider>
    </ConsoleShell>
  );
}

export default function AdminLayout() {
  const { email } = useLoaderData<typeof loader>();
  return (
    <AdminFrame email={email}>
      <Outlet />
    </AdminFrame>
  );
}

/**
 * A console page that fails (a record that is not there, a crash) is shown in the console's own
 * frame, with its navigation and a way back to the overview, not as the shop's error page. When
 * the console's own check failed (not an organiser), there is no frame to show.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const location = useLocation();
  const layout = useRouteLoaderData<typeof loader>("routes/admin");
  const locale = layout?.locale ?? localeFromUrl(`http://x${location.pathname}${location.search}`);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message: MessageKey =
    status === 404 ? "console.error.notFound" : status === 403 ? "console.error.forbidden" : "console.error.generic";
  const body = (
    <div
      role="alert"
      className="rounded-lg border border-stone-200 bg-white p-6 text-center"
      data-testid="console-error"
    >
      <p className="text-lg font-semibold">{translate(locale, message)}</p>
      {layout && (
        <Link to={locale === "en" ? "/admin?lang=en" : "/admin"} className="mt-4 inline-block text-brand-700 underline">
          {translate(locale, "console.error.back")}
        </Link>
      )}
      {!isRouteErrorResponse(error) && <ErrorReference />}
    </div>
  );
  return layout ? (
    <AdminFrame email={layout.email}>
      {body}
    </AdminFrame>
  ) : (
    body
  );
}
