import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AuthCard, primaryButton } from "~/components/AuthCard";
import { FormField } from "~/components/FormField";
import { signIn, SignInError } from "~/accounts/accounts.server";
import { accountErrors, SignInSchema } from "~/accounts/accounts-schema";
import { clientAddress, getUser, sessionCookieHeader } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { requireLocale, sameSitePath } from "~/utils/http.server";
import { localePath } from "~/utils/i18n";
import { useT, translate } from "~/i18n/areas/storefront";
import { roleHome } from "~/utils/role-home";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: translate(data?.locale ?? "zh", "accounts.signIn") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params.lang);
  const user = await getUser(request);
  if (user) throw redirect(roleHome(user.role));
  return { locale, redirectTo: new URL(request.url).searchParams.get("redirectTo") ?? "" };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params.lang);
  const form = Object.fromEntries(await request.formData());
  const email = typeof form.email === "string" ? form.email : "";
  const parsed = SignInSchema.safeParse(form);
  if (!parsed.success) return data({ email, errors: accountErrors(parsed.error) }, { status: 400 });
  // Where to go is settled before a session exists, so nothing after the password check can fail
  // on it and leave a session row behind; anything not a path on this site means the role's home.
  const target = sameSitePath(parsed.data.redirectTo);
  try {
    const prisma = await db();
    const session = await signIn(prisma, {
      email: parsed.data.email,
      password: parsed.data.password,
      address: clientAddress(context),
    });
    // A new session id on every sign-in: an id planted before sign-in is worth nothing after it.
    const headers = { "Set-Cookie": await sessionCookieHeader(session.id) };
    if (session.pendingSecondFactor) {
      const next = target ? `?redirectTo=${encodeURIComponent(target)}` : "";
      return redirect(`${localePath(locale, "/login/code")}${next}`, { headers });
    }
    const user = await prisma.user.findFirstOrThrow({
      where: { sessions: { some: { id: session.id } } },
      select: { role: true },
    });
    return redirect(target ?? roleHome(user.role), { headers });
  } catch (error) {
    if (!(error instanceof SignInError)) throw error;
    return data(
      { email, errors: { form: `accounts.error.${error.problem}` } },
      { status: error.problem === "locked" ? 429 : 401 },
    );
  }
}

export default function LoginPage() {
  const { locale, redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const t = useT();
  const errors: Record<string, string> = result?.errors ?? {};
  return (
    <AuthCard title={t("accounts.signInTitle")} intro={t("accounts.signInIntro")}>
      <Form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {errors.form && (
          <p role="alert" className="rounded bg-red-50 p-3 text-sm text-red-900" data-testid="login-error">
            {t.code(errors.form)}
          </p>
        )}
        <FormField id="email" label={t("accounts.email")} error={errors.email && t.code(errors.email)}>
          {(p) => (
            <input {...p} name="email" type="email" autoComplete="username" defaultValue={result?.email} required />
          )}
        </FormField>
        <FormField id="password" label={t("accounts.password")} error={errors.password && t.code(errors.password)}>
          {(p) => <input {...p} name="password" type="password" autoComplete="current-password" required />}
        </FormField>
        <button type="submit" disabled={busy} className={primaryButton}>
          {t("accounts.signIn")}
        </button>
        <p className="text-center text-sm">
          <Link to={localePath(locale, "/forgot-password")} className="text-brand-700 underline">
            {t("accounts.forgot")}
          </Link>
        </p>
      </Form>
    </AuthCard>
  );
}
