import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { AuthCard, primaryButton } from "~/components/AuthCard";
import { FormField } from "~/components/FormField";
import { completeSecondFactor, SignInError } from "~/accounts/accounts.server";
import { accountErrors, SecondFactorSchema } from "~/accounts/accounts-schema";
import { clientAddress, readSessionId, sessionCookieHeader } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
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
  const parsed = SecondFactorSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ errors: accountErrors(parsed.error) }, { status: 400 });
  // Settled before the full session is made (see the sign-in page).
  const target = sameSitePath(new URL(request.url).searchParams.get("redirectTo"));
  try {
    const prisma = await db();
    const session = await completeSecondFactor(prisma, {
      sessionId,
      code: parsed.data.code,
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
      { errors: { code: `accounts.error.${error.problem}` } },
      { status: error.problem === "locked" ? 429 : 401 },
    );
  }
}

export default function SecondFactorPage() {
  const result = useActionData<typeof action>();
  const t = useT();
  const error = result?.errors.code;
  return (
    <AuthCard title={t("accounts.verify")} intro={t("accounts.codeIntro")}>
      <Form method="post" className="space-y-4">
        <FormField id="code" label={t("accounts.code")} error={error && t.code(error)}>
          {(p) => <input {...p} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required />}
        </FormField>
        <button type="submit" className={primaryButton}>
          {t("accounts.verify")}
        </button>
      </Form>
    </AuthCard>
  );
}
