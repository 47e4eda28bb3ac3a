import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormField } from "~/components/FormField";
import { audit, disableTotp, enableTotp, proposeTotpSecret } from "~/accounts/accounts.server";
import { requireOrganiser } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
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
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "propose") {
    await proposeTotpSecret(prisma, user.id);
    return data({ error: null, done: null });
  }
  if (intent === "enable") {
    if (!(await enableTotp(prisma, user.id, String(form.get("code") ?? "")))) {
      return data({ error: "accounts.error.second-factor-invalid", done: null }, { status: 400 });
    }
    await audit(prisma, { actorId: user.id, action: "enable-totp", entity: "User", entityId: user.id });
    return data({ error: null, done: "console.totpOn" });
  }
  if (intent === "disable") {
    await disableTotp(prisma, user.id);
    await audit(prisma, { actorId: user.id, action: "disable-totp", entity: "User", entityId: user.id });
    return data({ error: null, done: "console.totpOff" });
  }
  return data({ error: "admin.error.invalid", done: null }, { status: 400 });
}

export default function SecurityPage() {
  const { enabled, pending } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-xl font-bold">{t("console.totp")}</h1>
      <p className="text-sm text-stone-700">{t("console.totpIntro")}</p>
      {result?.done && (
        <p role="status" className="rounded bg-green-50 p-2 text-green-900">
          {t.code(result.done)}
        </p>
      )}
      {enabled ? (
        <Form method="post">
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
        <Form method="post" className="space-y-3 rounded border border-stone-200 bg-white p-4">
          <p className="text-sm">{t("console.totpScan")}</p>
          <p className="break-all font-mono text-sm" data-testid="totp-secret">
            {pending.secret}
          </p>
          <p className="break-all text-xs text-stone-600">{pending.url}</p>
          <FormField id="code" label={t("accounts.code")} error={result?.error ? t.code(result.error) : undefined}>
            {(p) => <input {...p} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} />}
          </FormField>
          <button
            name="intent"
            value="enable"
            className="min-h-11 rounded bg-brand-700 px-4 py-2 font-semibold text-white"
          >
            {t("console.totpEnable")}
          </button>
        </Form>
      ) : (
        <Form method="post">
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
