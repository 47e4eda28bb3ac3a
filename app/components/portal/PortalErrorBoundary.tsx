import { isRouteErrorResponse, Link, useLocation, useRouteError } from "@remix-run/react";
import { localeFromUrl } from "~/utils/i18n";
import { translate } from "~/i18n/areas/portal";
import { portalHref } from "~/portal/href";
import { ErrorReference } from "../ErrorReference";

/**
 * What a portal page shows instead of itself when its loader or action fails: a record that is
 * not this cooperative's is "not found" (never a hint that it exists), anything else is generic.
 * Exported as each portal page's ErrorBoundary so the portal's frame and navigation stay.
 */
export function PortalErrorBoundary() {
  const error = useRouteError();
  const location = useLocation();
  const locale = localeFromUrl(`http://x${location.pathname}${location.search}`);
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <div role="alert" className="rounded-lg border border-stone-200 bg-white p-6 text-center">
      <p className="text-lg font-semibold">
        {translate(locale, notFound ? "portal.error.notFound" : "portal.error.generic")}
      </p>
      <Link to={portalHref(locale, "/portal")} className="mt-4 inline-block text-brand-700 underline">
        {translate(locale, "portal.error.backToPortal")}
      </Link>
      {!isRouteErrorResponse(error) && <ErrorReference />}
    </div>
  );
}
