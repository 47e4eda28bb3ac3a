import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { AdminError, approveCertification, getCertificationQueue, rejectCertification } from "~/console/admin.server";
import {
  ADMIN_FALLBACK,
  ApproveCertificationSchema,
  CertificationActionSchema,
  certificationFormId,
  RejectCertificationSchema,
} from "~/console/admin-schema";
import { requireOrganiser } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { parseSubmission, type FormReply } from "~/utils/forms";
import { localeFromUrl, pick } from "~/utils/i18n";
import { useT } from "~/i18n/areas/console";

export const meta: MetaFunction = () => [{ title: "产品认定 · Certification" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  return { locale: localeFromUrl(request.url), queue: await getCertificationQueue(await db()) };
}

/** One product's approve or reject form; the reply names the form it answers (certificationFormId). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const prisma = await db();
  const submission = parseSubmission(await request.formData(), CertificationActionSchema, ADMIN_FALLBACK);
  const formId = certificationFormId(submission.payload);
  if (submission.status !== "success") return data({ formId, result: submission.reply() }, { status: 400 });
  const input = submission.value;
  const product = await prisma.product.findUnique({ where: { id: input.productId }, select: { id: true } });
  if (!product)
    return data({ formId, result: submission.reply({ formErrors: ["admin.error.notFound"] }) }, { status: 404 });
  if (input.intent === "reject") {
    await rejectCertification(prisma, user.id, product.id, input.reason);
    return data({ formId, result: submission.reply({ resetForm: true }) });
  }
  try {
    await approveCertification(prisma, user.id, product.id, input);
  } catch (error) {
    if (error instanceof AdminError)
      return data(
        { formId, result: submission.reply({ fieldErrors: { [error.field]: [error.messageKey] } }) },
        { status: 409 },
      );
    throw error;
  }
  return data({ formId, result: submission.reply({ resetForm: true }) });
}

type Product = ReturnType<typeof useLoaderData<typeof loader>>["queue"][number];
const f = { fallback: ADMIN_FALLBACK };

export default function CertificationQueue() {
  const { locale, queue } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const replyFor = (formId: string) => (result?.formId === formId ? result.result : undefined);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">{t("console.certification")}</h1>
      {queue.length === 0 && <p className="text-sm text-stone-600">{t("console.noPending")}</p>}
      {queue.map((product) => (
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
            <ApproveForm product={product} lastResult={replyFor(`approve-${product.id}`)} />
            <RejectForm product={product} lastResult={replyFor(`reject-${product.id}`)} />
          </div>
        </article>
      ))}
    </div>
  );
}

function ApproveForm({ product, lastResult }: { product: Product; lastResult?: FormReply }) {
  const t = useT();
  const [form, fields] = useSchemaForm({
    id: `approve-${product.id}`,
    schema: ApproveCertificationSchema,
    lastResult,
    ...f,
  });
  return (
    <Form method="post" className="space-y-2" {...getFormProps(form)}>
      <FormErrors errors={form.errors} {...f} testId="form-error" />
      <input type="hidden" name={fields.intent.name} value="approve" />
      <input type="hidden" name={fields.productId.name} value={product.id} />
      <Field field={fields.certificateNumber} label={t("console.certificateNumber")} {...f}>
        {(p) => <input {...p} />}
      </Field>
      <Field field={fields.certifyingBody} label={t("console.certifyingBody")} {...f}>
        {(p) => <input {...p} />}
      </Field>
      <Field field={fields.certifiedFrom} label={t("console.certifiedFrom")} {...f}>
        {(p) => <input {...p} type="date" />}
      </Field>
      <Field field={fields.certifiedUntil} label={t("console.certifiedUntil")} {...f}>
        {(p) => <input {...p} type="date" />}
      </Field>
      <button type="submit" className="min-h-11 rounded bg-green-800 px-4 py-2 font-semibold text-white">
        {t("console.approve")}
      </button>
    </Form>
  );
}

function RejectForm({ product, lastResult }: { product: Product; lastResult?: FormReply }) {
  const t = useT();
  const [form, fields] = useSchemaForm({
    id: `reject-${product.id}`,
    schema: RejectCertificationSchema,
    lastResult,
    ...f,
  });
  return (
    <Form method="post" className="space-y-2" {...getFormProps(form)}>
      <FormErrors errors={form.errors} {...f} testId="form-error" />
      <input type="hidden" name={fields.intent.name} value="reject" />
      <input type="hidden" name={fields.productId.name} value={product.id} />
      <Field field={fields.reason} label={t("console.reason")} {...f}>
        {(p) => <textarea {...p} rows={3} />}
      </Field>
      <button type="submit" className="min-h-11 rounded border border-red-800 px-4 py-2 font-semibold text-red-800">
        {t("console.reject")}
      </button>
    </Form>
  );
}
