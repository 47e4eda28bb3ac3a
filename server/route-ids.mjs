// Names each request by the Remix route that serves it ("routes/($lang).products.$slug"), the
// label logs and metrics use: a handful of values, unlike raw paths, and never a token.
import { matchRoutes } from "@remix-run/router";

/** The route tree React Router matches against, built from the Remix build's flat route map. */
export function routeTree(routes) {
  const byParent = new Map();
  for (const route of Object.values(routes)) {
    const list = byParent.get(route.parentId) ?? [];
    list.push(route);
    byParent.set(route.parentId, list);
  }
  const build = (parentId) =>
    (byParent.get(parentId) ?? []).map((route) => ({
      id: route.id,
      path: route.path,
      index: route.index,
      caseSensitive: route.caseSensitive,
      children: route.index ? undefined : build(route.id),
    }));
  return build(undefined);
}

const SECRET_PARAM = /token|key|secret|code/i;

/**
 * Matches a pathname: the deepest route's id ("unmatched" for a 404), and the values of its
 * token-like parameters, which must not be logged. Single-fetch data requests (`/x.data`) and
 * lazy route discovery (`/__manifest`) are named after what they serve.
 */
export function matcher(routes) {
  const tree = routeTree(routes);
  return (pathname) => {
    if (pathname === "/__manifest") return { routeId: "__manifest", secrets: [] };
    let path = pathname;
    if (path === "/_root.data") path = "/";
    else if (path.endsWith(".data")) path = path.slice(0, -".data".length);
    const matches = matchRoutes(tree, path);
    if (!matches || matches.length === 0) return { routeId: "unmatched", secrets: [] };
    const leaf = matches[matches.length - 1];
    // A path that only the root matches (an unknown URL) is a 404 page.
    if (leaf.route.id === "root" && path !== "/") return { routeId: "unmatched", secrets: [] };
    const secrets = Object.entries(leaf.params)
      .filter(([name, value]) => SECRET_PARAM.test(name) && typeof value === "string")
      .map(([, value]) => value);
    return { routeId: leaf.route.id, secrets };
  };
}
