import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormField } from "~/components/FormField";
import { AdminError, approveCertification, getCertificationQueue, rejectCertification } from "~/console/admin.server";
import { adminErrors, ApproveCertificationSchema, RejectCertificationSchema } from "~/console/admin-schema";
import { requireOrganiser } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { localeFromUrl, pick } from "~/utils/i18n";
import { useT } from "~/i18n/areas/console";

export const meta: MetaFunction = () => [{ title: "产品认定 · Certification" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  return { locale: localeFromUrl(request.url), queue: await getCertificationQueue(await db()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const prisma = await db();
  const form = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  const productId = form.productId ?? "";
  const product = await prisma.product.findUnique({ where: { id: productId }, select: { id: true } });
  if (!product) return data({ productId, values: form, errors: { form: "admin.error.notFound" } }, { status: 404 });
  if (form.intent === "reject") {
    const parsed = RejectCertificationSchema.safeParse(form);
    if (!parsed.success) return data({ productId, values: form, errors: adminErrors(parsed.error) }, { status: 400 });
    await rejectCertification(prisma, user.id, productId, parsed.data.reason);
    return data({ productId, values: {}, errors: {} });
  }
  const parsed = ApproveCertificationSchema.safeParse(form);
  if (!parsed.success) return data({ productId, values: form, errors: adminErrors(parsed.error) }, { status: 400 });
  try {
    await approveCertification(prisma, user.id, productId, parsed.data);
  } catch (error) {
    if (error instanceof AdminError)
      return data({ productId, values: form, errors: { [error.field]: error.messageKey } }, { status: 409 });
    throw error;
  }
  return data({ productId, values: {}, errors: {} });
}

export default function CertificationQueue() {
  const { locale, queue } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">{t("console.certification")}</h1>
      {queue.length === 0 && <p className="text-sm text-stone-600">{t("console.noPending")}</p>}
      {queue.map((product) => {
        const mine = result?.productId === product.id;
        const errors: Record<string, string> = mine ? result.errors : {};
        const values: Record<string, string> = mine ? result.values : {};
        const err = (f: string) => (errors[f] ? t.code(errors[f]!) : undefined);
        return (
          <article
            key={product.id}
            className="rounded border border-stone-200 bg-white p-4"
            data-testid="certification-request"
          >
            <h2 className="font-semibold">
              {pick(locale, product, "name")} ·{" "}
              <span className="text-sm text-stone-600">{pick(locale, product.cooperative, "name")}</span>
            </h2>
            <p className="text-xs text-stone-600">
              {t(product.certificationStatus === "PENDING" ? "console.pending" : "console.rejected")}
              {product.certificationNote && ` — ${product.certificationNote}`}
            </p>
            <div className="mt-3 grid gap-4 md:grid-cols-2">
              <Form method="post" className="space-y-2" noValidate>
                <input type="hidden" name="productId" value={product.id} />
                <input type="hidden" name="intent" value="approve" />
                <FormField
                  id={`num-${product.id}`}
                  label={t("console.certificateNumber")}
                  error={err("certificateNumber")}
                >
                  {(p) => <input {...p} name="certificateNumber" defaultValue={values.certificateNumber} />}
                </FormField>
                <FormField id={`body-${product.id}`} label={t("console.certifyingBody")} error={err("certifyingBody")}>
                  {(p) => <input {...p} name="certifyingBody" defaultValue={values.certifyingBody} />}
                </FormField>
                <FormField id={`from-${product.id}`} label={t("console.certifiedFrom")} error={err("certifiedFrom")}>
                  {(p) => <input {...p} type="date" name="certifiedFrom" defaultValue={values.certifiedFrom} />}
                </FormField>
                <FormField id={`until-${product.id}`} label={t("console.certifiedUntil")} error={err("certifiedUntil")}>
                  {(p) => <input {...p} type="date" name="certifiedUntil" defaultValue={values.certifiedUntil} />}
                </FormField>
                <button type="submit" className="min-h-11 rounded bg-green-800 px-4 py-2 font-semibold text-white">
                  {t("console.approve")}
                </button>
              </Form>
              <Form method="post" className="space-y-2" noValidate>
                <input type="hidden" name="productId" value={product.id} />
                <input type="hidden" name="intent" value="reject" />
                <FormField id={`reason-${product.id}`} label={t("console.reason")} error={err("reason")}>
                  {(p) => <textarea {...p} name="reason" rows={3} defaultValue={values.reason} />}
                </FormField>
                <button
                  type="submit"
                  className="min-h-11 rounded border border-red-800 px-4 py-2 font-semibold text-red-800"
                >
                  {t("console.reject")}
                </button>
              </Form>
            </div>
          </article>
        );
      })}
    </div>
  );
}
