import { AsyncLocalStorage } from "node:async_hooks";

/** Who made a request, as the logs and metrics name them. */
export type RequestRole = "guest" | "cooperative" | "organiser" | "unit";

/** What the server knows about the request being served, wherever the code runs inside it. */
export interface RequestContext {
  readonly id: string;
  role: RequestRole;
}

// On globalThis: the server (server.mjs, outside the build) starts the context and the app's
// modules read it, and the dev server re-evaluates modules; all must share one storage.
const holder = globalThis as typeof globalThis & { __fairRequestContext?: AsyncLocalStorage<RequestContext> };
export const requestContext: AsyncLocalStorage<RequestContext> = (holder.__fairRequestContext ??=
  new AsyncLocalStorage<RequestContext>());

export const currentRequest = (): RequestContext | undefined => requestContext.getStore();

/** Maps an account's role to the role logged for its requests. */
export function roleOf(role: string | null | undefined): RequestRole {
  switch (role) {
    case "ORGANISER":
      return "organiser";
    case "COOPERATIVE_STAFF":
      return "cooperative";
    case undefined:
    case null:
      return "guest";
    default:
      // Buying units (and any role added later whose name says so) log as "unit".
      return /UNIT/i.test(role) ? "unit" : "guest";
  }
}

/** Called where a request is authenticated, so its log line and metrics carry the role. */
export function noteRequestRole(role: string | null | undefined): void {
  const store = requestContext.getStore();
  if (store) store.role = roleOf(role);
}
