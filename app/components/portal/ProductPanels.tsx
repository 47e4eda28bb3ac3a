import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { Field, FormErrors } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import type { CertificationStatus } from "~/generated/prisma/enums";
import { ImageUploadSchema, PORTAL_FALLBACK } from "~/portal/portal-schema";
import type { FormReply } from "~/utils/forms";
import { pick, type Locale } from "~/utils/i18n";
import { translate, type PortalKey } from "~/i18n/areas/portal";
import { dangerButton, panel, secondaryButton } from "./styles";
import { useLocale } from "~/utils/use-locale";

type T = (key: PortalKey, p?: Record<string, string | number>) => string;
const tr =
  (locale: Locale): T =>
  (key, p) =>
    translate(locale, key, p);

/** Every error of a reply to a form without fields of its own (a button), to show above it. */
const replyErrors = (reply: FormReply | undefined) =>
  Object.values(reply?.error ?? {}).flatMap((errors) => errors ?? []);

/** The product's pictures: each with a remove button, and the upload form (multipart). */
export function ImagesPanel({
  images,
  lastResult,
  removeResult,
  submitting,
}: {
  images: { id: string; url: string; altZh: string; altEn: string }[];
  /** The action's answer to the upload form. */
  lastResult: FormReply | undefined;
  /** The action's answer to a remove button. */
  removeResult: FormReply | undefined;
  submitting: boolean;
}) {
  const locale = useLocale();
  const t = tr(locale);
  const [form, fields] = useSchemaForm({
    id: "image",
    schema: ImageUploadSchema,
    fallback: PORTAL_FALLBACK,
    lastResult,
  });
  const f = { fallback: PORTAL_FALLBACK };
  const onlyPlaceholder = images.every((i) => i.url.startsWith("/images/products/"));
  return (
    <section aria-labelledby="images-heading" className={`${panel} space-y-4`}>
      <h2 id="images-heading" className="font-semibold">
        {t("portal.images.title")}
      </h2>
      {onlyPlaceholder && <p className="text-sm text-stone-600">{t("portal.images.placeholder")}</p>}
      <FormErrors errors={replyErrors(removeResult)} {...f} />
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="product-images">
        {images.map((image) => (
          <li key={image.id} className="space-y-2">
            <img
              src={image.url}
              alt={pick(locale, image, "alt")}
              width={200}
              height={200}
              className="aspect-square w-full rounded border border-stone-200 object-cover"
            />
            {!image.url.startsWith("/images/products/") && (
              <Form method="post">
                <input type="hidden" name="intent" value="removeImage" />
                <input type="hidden" name="imageId" value={image.id} />
                <button type="submit" className={`${secondaryButton} w-full text-sm`}>
                  {t("portal.images.remove")}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      <Form
        method="post"
        encType="multipart/form-data"
        className="grid gap-3 sm:grid-cols-2"
        data-testid="image-form"
        {...getFormProps(form)}
      >
        <input type="hidden" name="intent" value="addImage" />
        <FormErrors errors={form.errors} id={form.errorId} {...f} />
        <div className="sm:col-span-2">
          <Field field={fields.image} label={t("portal.images.file")} hint={t("portal.images.fileHint")} {...f}>
            {(p) => <input {...p} type="file" accept="image/png,image/jpeg,image/webp" />}
          </Field>
        </div>
        <Field field={fields.altZh} label={t("portal.images.altZh")} {...f}>
          {(p) => <input {...p} maxLength={120} />}
        </Field>
        <Field field={fields.altEn} label={t("portal.images.altEn")} {...f}>
          {(p) => <input {...p} maxLength={120} />}
        </Field>
        <div className="sm:col-span-2">
          <button type="submit" className={secondaryButton} disabled={submitting}>
            {t("portal.images.upload")}
          </button>
        </div>
      </Form>
    </section>
  );
}

/** Where the product stands in the organisers' certification review, and the request button. */
export function CertificationPanel({
  product,
  lastResult,
}: {
  product: {
    certificationStatus: CertificationStatus;
    certificationNote: string;
    certificateNumber: string | null;
    certifyingBody: string | null;
    certifiedFrom: string | null;
    certifiedUntil: string | null;
  };
  /** The action's answer to the request button (it may not be put forward now). */
  lastResult: FormReply | undefined;
}) {
  const locale = useLocale();
  const t = tr(locale);
  const status = product.certificationStatus;
  return (
    <section aria-labelledby="cert-heading" className={`${panel} space-y-3`}>
      <h2 id="cert-heading" className="font-semibold">
        {t("portal.cert.title")}
      </h2>
      <p data-testid="certification-status">
        <span className="rounded border border-stone-300 px-1.5 py-0.5 text-sm">{t(`portal.cert.${status}`)}</span>
      </p>
      {status === "APPROVED" && product.certificateNumber && (
        <p className="text-sm text-stone-700">
          {t("portal.cert.certificate", {
            number: product.certificateNumber,
            body: product.certifyingBody ?? "",
            from: product.certifiedFrom ?? "—",
            until: product.certifiedUntil ?? "—",
          })}
        </p>
      )}
      {status === "REJECTED" && product.certificationNote && (
        <p className="text-sm text-red-900">{t("portal.cert.rejectedNote", { note: product.certificationNote })}</p>
      )}
      <p className="text-sm text-stone-600">{t("portal.cert.explain")}</p>
      <FormErrors errors={replyErrors(lastResult)} fallback={PORTAL_FALLBACK} />
      {(status === "NONE" || status === "REJECTED") && (
        <Form method="post">
          <input type="hidden" name="intent" value="requestCertification" />
          <button type="submit" className={secondaryButton}>
            {t("portal.cert.request")}
          </button>
        </Form>
      )}
    </section>
  );
}

/** Taking the product off sale. */
export function RetirePanel({ retired, lastResult }: { retired: boolean; lastResult: FormReply | undefined }) {
  const locale = useLocale();
  const t = tr(locale);
  return (
    <section aria-labelledby="retire-heading" className={`${panel} space-y-3`}>
      <h2 id="retire-heading" className="font-semibold">
        {t("portal.retire.title")}
      </h2>
      <p className="text-sm text-stone-600">{t("portal.retire.explain")}</p>
      <FormErrors errors={replyErrors(lastResult)} fallback={PORTAL_FALLBACK} />
      {retired ? (
        <p className="text-sm font-semibold">{t("portal.retire.done")}</p>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="retire" />
          <button type="submit" className={dangerButton}>
            {t("portal.retire.button")}
          </button>
        </Form>
      )}
    </section>
  );
}
