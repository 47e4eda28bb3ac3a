import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { AuthCard, primaryButton } from "~/components/AuthCard";
import { Field } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { completeSecondFactor, SignInError } from "~/accounts/accounts.server";
import { ACCOUNTS_FALLBACK, SecondFactorSchema } from "~/accounts/accounts-schema";
import { clientAddress, readSessionId, sessionCookieHeader } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
import { requireLocale, sameSitePath } from "~/utils/http.server";
import { localePath } from "~/utils/i18n";
import { useT, translate } from "~/i18n/areas/storefront";
import { roleHome } from "~/utils/role-home";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: translate(data?.locale ?? "zh", "accounts.verify") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params.lang);
  if (!(await readSessionId(request))) throw redirect(localePath(locale, "/login"));
  return { locale };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params.lang);
  const sessionId = await readSessionId(request);
  if (!sessionId) return redirect(localePath(locale, "/login"));
  const submission = parseSubmission(await request.formData(), SecondFactorSchema, ACCOUNTS_FALLBACK);
  if (submission.status !== "success") return data({ result: submission.reply({ resetForm: true }) }, { status: 400 });
  // Settled before the full session is made (see the sign-in page).
  const target = sameSitePath(new URL(request.url).searchParams.get("redirectTo"));
  try {
    const prisma = await db();
    const session = await completeSecondFactor(prisma, {
      sessionId,
      code: submission.value.code,
      address: clientAddress(context),
    });
    const user = await prisma.user.findFirstOrThrow({
      where: { sessions: { some: { id: session.id } } },
      select: { role: true },
    });
    return redirect(target ?? roleHome(user.role), {
      headers: { "Set-Cookie": await sessionCookieHeader(session.id) },
    });
  } catch (error) {
    if (!(error instanceof SignInError)) throw error;
    return data(
      { result: submission.reply({ fieldErrors: { code: [`accounts.error.${error.problem}`] }, resetForm: true }) },
      { status: error.problem === "locked" ? 429 : 401 },
    );
  }
}

export default function SecondFactorPage() {
  const result = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useSchemaForm({
    id: "login-code",
    schema: SecondFactorSchema,
    fallback: ACCOUNTS_FALLBACK,
    lastResult: result?.result,
  });
  return (
    <AuthCard title={t("accounts.verify")} intro={t("accounts.codeIntro")}>
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <Field field={fields.code} label={t("accounts.code")} fallback={ACCOUNTS_FALLBACK}>
          {(p) => <input {...p} inputMode="numeric" autoComplete="one-time-code" maxLength={6} required />}
        </Field>
        <button type="submit" className={primaryButton}>
          {t("accounts.verify")}
        </button>
      </Form>
    </AuthCard>
  );
}
