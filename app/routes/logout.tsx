import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { signOutHeaders } from "~/accounts/auth.server";

/** Sign-out is a POST (a link or a prefetch must never sign anyone out). */
export async function action({ request }: ActionFunctionArgs) {
  return redirect("/login", { headers: await signOutHeaders(request) });
}

export function loader() {
  return redirect("/login");
}
