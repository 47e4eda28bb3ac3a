import { createCookie, redirect } from "@remix-run/node";
import type { Role } from "~/generated/prisma/enums";
import { endSession, userForSession, type SessionUser, SESSION_DAYS } from "~/accounts/accounts.server";
import { noteRequestRole } from "~/observability/request-context.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

/**
 * The sign-in cookie: a signed session id, httpOnly, SameSite=Lax, Secure whenever the site is
 * served over https (which production must be). The session row in the database is the truth.
 */
let sessionCookie: ReturnType<typeof createCookie> | undefined;
function getSessionCookie() {
  sessionCookie ??= createCookie("fair_session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env().PUBLIC_BASE_URL.startsWith("https:"),
    secrets: [env().SESSION_SECRET],
    maxAge: SESSION_DAYS * 86_400,
  });
  return sessionCookie;
}

export async function readSessionId(request: Request): Promise<string | null> {
  const value: unknown = await getSessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length >= 32 && value.length <= 64 ? value : null;
}

export const sessionCookieHeader = (sessionId: string) => getSessionCookie().serialize(sessionId);
export const clearSessionCookieHeader = () => getSessionCookie().serialize("", { maxAge: 0 });

export async function getUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request);
  const user = sessionId ? await userForSession(await db(), sessionId) : null;
  // The request's log line and metrics say who it was (requests that never sign in are guests).
  noteRequestRole(user?.role);
  return user;
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

/** The signed-in user, or a redirect to sign in; a signed-in user of another role gets 403. */
export async function requireUser(request: Request, roles?: Role[]): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) loginRedirect(request);
  if (roles && !roles.includes(user.role)) throw new Response("Forbidden", { status: 403 });
  return user;
}

export async function requireOrganiser(request: Request) {
  const user = await requireUser(request, ["ORGANISER"]);
  return { ...user, role: "ORGANISER" as const };
}

/** Cooperative staff, with the one cooperative every query they make is scoped to. */
export async function requireCooperativeStaff(request: Request) {
  const user = await requireUser(request, ["COOPERATIVE_STAFF"]);
  return { ...user, role: "COOPERATIVE_STAFF" as const, cooperativeId: user.cooperativeId! };
}

/** A unit's buyer, with the one unit (organisation) every query they make is scoped to. */
export async function requireUnitBuyer(request: Request) {
  const user = await requireUser(request, ["UNIT_BUYER"]);
  return { ...user, role: "UNIT_BUYER" as const, organisationId: user.organisationId! };
}

/** Signs out: the session row goes (so the cookie is worthless everywhere) and the cookie is cleared. */
export async function signOutHeaders(request: Request): Promise<Headers> {
  const sessionId = await readSessionId(request);
  if (sessionId) await endSession(await db(), sessionId);
  return new Headers({ "Set-Cookie": await clearSessionCookieHeader() });
}

/** The address a request came from, for per-address limits (set by server.mjs from Express). */
export function clientAddress(context: unknown): string {
  const address = (context as { clientAddress?: unknown } | undefined)?.clientAddress;
  return typeof address === "string" && address ? address : "unknown";
}
