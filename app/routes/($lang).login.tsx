import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AuthCard, primaryButton } from "~/components/AuthCard";
import { Field, FormErrors } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { signIn, SignInError } from "~/accounts/accounts.server";
import { ACCOUNTS_FALLBACK, SignInSchema } from "~/accounts/accounts-schema";
import { clientAddress, getUser, sessionCookieHeader } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { requireLocale, sameSitePath } from "~/utils/http.server";
import { parseSubmission } from "~/utils/forms";
import { localePath } from "~/utils/i18n";
import { translate, useT } from "~/i18n/areas/storefront";
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
  const submission = parseSubmission(await request.formData(), SignInSchema, ACCOUNTS_FALLBACK);
  // The password is never sent back to the page.
  if (submission.status !== "success")
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  // Where to go is settled before a session exists, so nothing after the password check can fail
  // on it and leave a session row behind; anything not a path on this site means the role's home.
  const target = sameSitePath(submission.value.redirectTo);
  try {
    const prisma = await db();
    const session = await signIn(prisma, {
      email: submission.value.email,
      password: submission.value.password,
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
      { result: submission.reply({ formErrors: [`accounts.error.${error.problem}`], hideFields: ["password"] }) },
      { status: error.problem === "locked" ? 429 : 401 },
    );
  }
}

export default function LoginPage() {
  const { locale, redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const t = useT();
  const [form, fields] = useSchemaForm({
    id: "login",
    schema: SignInSchema,
    fallback: ACCOUNTS_FALLBACK,
    lastResult: result?.result,
    defaultValue: { redirectTo },
  });
  return (
    <AuthCard title={t("accounts.signInTitle")} intro={t("accounts.signInIntro")}>
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <input type="hidden" name={fields.redirectTo.name} value={redirectTo} />
        <FormErrors
          id={form.errorId}
          errors={form.errors}
          fallback={ACCOUNTS_FALLBACK}
          testId="login-error"
        />
        <Field field={fields.email} label={t("accounts.email")} fallback={ACCOUNTS_FALLBACK}>
          {(p) => <input {...p} type="email" autoComplete="username" required />}
        </Field>
        <Field field={fields.password} label={t("accounts.password")} fallback={ACCOUNTS_FALLBACK}>
          {(p) => <input {...p} type="password" autoComplete="current-password" required />}
        </Field>
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
