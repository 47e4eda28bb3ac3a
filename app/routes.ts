import { flatRoutes } from "@remix-run/fs-routes";
import type { RouteConfig } from "@remix-run/route-config";

/**
 * The route list (Remix's v3_routeConfig, React Router 7's routes.ts): every file in app/routes by
 * the flat-routes naming convention, as before the flag, so every URL stays what it was.
 * Colocated tests and Markdown notes (the folder README) are not routes.
 */
export default flatRoutes({ ignoredRouteFiles: ["**/*.test.{ts,tsx}", "**/*.md"] }) satisfies RouteConfig;
