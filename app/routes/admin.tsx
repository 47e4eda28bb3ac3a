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
import { requireOrganiser } from "~/accounts/auth.server";
import { consoleLocale, translate, type Locale, type MessageKey } from "~/utils/i18n";

/** Every page under /admin is for organisers; each child loader checks the role again itself. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrganiser(request);
  return { locale: consoleLocale(request.url), email: user.email };
}

const LINKS: { to: string; label: MessageKey; end?: boolean }[] = [
  { to: "/admin", label: "console.overview", end: true },
  { to: "/admin/reports", label: "console.reports" },
  { to: "/admin/live", label: "live.nav" },
  { to: "/admin/catalogue", label: "console.catalogue" },
  { to: "/admin/partnerships", label: "console.partnerships" },
  { to: "/admin/certification", label: "console.certification" },
  { to: "/admin/fair", label: "console.fair" },
  { to: "/admin/invitations", label: "console.invitations" },
  { to: "/admin/audit", label: "console.audit" },
  { to: "/admin/security", label: "console.totp" },
];

function AdminFrame({ locale, email, children }: { locale: Locale; email: string; children: ReactNode }) {
  return (
    <ConsoleShell locale={locale} title={translate(locale, "console.admin")} email={email} links={LINKS}>
      {children}
    </ConsoleShell>
  );
}

export default function AdminLayout() {
  const { locale, email } = useLoaderData<typeof loader>();
  return (
    <AdminFrame locale={locale} email={email}>
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
  const locale = layout?.locale ?? consoleLocale(`http://x${location.pathname}${location.search}`);
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
      {!isRouteErrorResponse(error) && <ErrorReference locale={locale} />}
    </div>
  );
  return layout ? (
    <AdminFrame locale={locale} email={layout.email}>
      {body}
    </AdminFrame>
  ) : (
    body
  );
}
