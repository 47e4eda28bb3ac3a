import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { ADMIN_FALLBACK, SecurityActionSchema } from "~/console/admin-schema";
import { audit, disableTotp, enableTotp, proposeTotpSecret } from "~/accounts/accounts.server";
import { requireOrganiser } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
import { localeFromUrl } from "~/utils/i18n";
import { useT } from "~/i18n/areas/console";
import { otpauthUrl } from "~/accounts/totp.server";

export const meta: MetaFunction = () => [
  { title: "两步验证 · Two-step sign-in" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrganiser(request);
  const row = await (
    await db()
  ).user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabled: true, totpSecret: true } });
  const pending = !row.totpEnabled && row.totpSecret ? row.totpSecret : null;
  return {
    locale: localeFromUrl(request.url),
    enabled: row.totpEnabled,
    pending: pending && { secret: pending, url: otpauthUrl(pending, user.email) },
  };
}

/** An organiser turns second-factor sign-in on (after proving their app has the secret) or off. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const prisma = await db();
  const submission = parseSubmission(await request.formData(), SecurityActionSchema, ADMIN_FALLBACK);
  if (submission.status !== "success") return data({ result: submission.reply(), done: null }, { status: 400 });
  const input = submission.value;
  if (input.intent === "propose") {
    await proposeTotpSecret(prisma, user.id);
    return data({ result: submission.reply(), done: null });
  }
  if (input.intent === "enable") {
    if (!(await enableTotp(prisma, user.id, input.code))) {
      return data(
        {
          result: submission.reply({ fieldErrors: { code: ["accounts.error.second-factor-invalid"] } }),
          done: null,
        },
        { status: 400 },
      );
    }
    await audit(prisma, { actorId: user.id, action: "enable-totp", entity: "User", entityId: user.id });
    return data({ result: submission.reply(), done: "console.totpOn" });
  }
  await disableTotp(prisma, user.id);
  await audit(prisma, { actorId: user.id, action: "disable-totp", entity: "User", entityId: user.id });
  return data({ result: submission.reply(), done: "console.totpOff" });
}

export default function SecurityPage() {
  const { enabled, pending } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  // Only the code has a field; the other intents are buttons, whose refusal shows as the form's error.
  const [form, fields] = useSchemaForm({
    id: "totp",
    schema: SecurityActionSchema,
    fallback: ADMIN_FALLBACK,
    lastResult: result?.result,
    constraint: false,
  });
  const f = { fallback: ADMIN_FALLBACK };
  const formErrors = [...(form.errors ?? []), ...(form.allErrors.intent ?? [])];
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-xl font-bold">{t("console.totp")}</h1>
      <p className="text-sm text-stone-700">{t("console.totpIntro")}</p>
      {result?.done && (
        <p role="status" className="rounded bg-green-50 p-2 text-green-900">
          {t.code(result.done)}
        </p>
      )}
      <FormErrors errors={formErrors.length ? formErrors : undefined} {...f} testId="form-error" />
      {enabled ? (
        <Form method="post" {...getFormProps(form)}>
          <p className="mb-2 font-semibold text-green-900" data-testid="totp-state">
            {t("console.totpOn")}
          </p>
          <button
            name="intent"
            value="disable"
            className="min-h-11 rounded border border-red-800 px-4 py-2 text-red-800"
          >
            {t("console.totpDisable")}
          </button>
        </Form>
      ) : pending ? (
        <Form method="post" className="space-y-3 rounded border border-stone-200 bg-white p-4" {...getFormProps(form)}>
          <p className="text-sm">{t("console.totpScan")}</p>
          <p className="break-all font-mono text-sm" data-testid="totp-secret">
            {pending.secret}
          </p>
          <p className="break-all text-xs text-stone-600">{pending.url}</p>
          <Field field={fields.code} label={t("accounts.code")} {...f}>
            {(p) => <input {...p} inputMode="numeric" autoComplete="one-time-code" maxLength={6} />}
          </Field>
          {/* A hidden intent, not the button's: the code is checked as it loses focus, with the intent known. */}
          <input type="hidden" name="intent" value="enable" />
          <button type="submit" className="min-h-11 rounded bg-brand-700 px-4 py-2 font-semibold text-white">
            {t("console.totpEnable")}
          </button>
        </Form>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <button
            name="intent"
            value="propose"
            className="min-h-11 rounded bg-brand-700 px-4 py-2 font-semibold text-white"
          >
            {t("console.totpStart")}
          </button>
        </Form>
      )}
    </div>
  );
}
