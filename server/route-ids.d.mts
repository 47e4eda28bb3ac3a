import type { ServerBuild } from "@remix-run/node";

export function routeTree(routes: ServerBuild["routes"]): unknown[];
export function matcher(routes: ServerBuild["routes"]): (pathname: string) => { routeId: string; secrets: string[] };
