import { Form } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { FormField } from "~/components/FormField";
import { PRODUCT_STATUSES, ProductSchema, portalErrors, type ProductField } from "~/portal/portal-schema";
import { pick } from "~/utils/i18n";
import { useT, type PortalKey } from "~/i18n/areas/portal";
import { MarkdownView } from "~/components/MarkdownView";
import { Notice } from "./Notice";
import { panel, primaryButton } from "./styles";
import { useLocale } from "~/utils/use-locale";

export type ProductFormValues = Partial<Record<ProductField | "stockWas", string>>;

/**
 * The product form of the "new" and "edit" pages. It runs the server's schema before posting,
 * so mistakes show beside their fields at once; the server checks again and answers the same way,
 * with what was typed kept (and without JavaScript the server's answer is all there is).
 */
export function ProductForm({
  mode,
  categories,
  values,
  errors: serverErrors,
  submitting,
}: {
  mode: "create" | "edit";
  categories: { id: string; nameZh: string; nameEn: string }[];
  values: ProductFormValues;
  errors: Record<string, string>;
  submitting: boolean;
}) {
  const locale = useLocale();
  const t = useT();
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const errors = clientErrors ?? serverErrors;
  const error = (field: string) => (errors[field] ? t(errors[field] as PortalKey) : undefined);
  const [descriptions, setDescriptions] = useState({
    zh: values.descriptionZh ?? "",
    en: values.descriptionEn ?? "",
  });
  const statuses = mode === "create" ? PRODUCT_STATUSES.filter((s) => s !== "RETIRED") : PRODUCT_STATUSES;

  function validate(event: FormEvent<HTMLFormElement>) {
    const parsed = ProductSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (parsed.success) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    setClientErrors(portalErrors(parsed.error));
    // Focus moves after React has marked the fields.
    const form = event.currentTarget;
    requestAnimationFrame(() => form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
  }

  const text = (field: ProductField, label: PortalKey, extra: { hint?: PortalKey; maxLength?: number } = {}) => (
    <FormField id={field} label={t(label)} error={error(field)} hint={extra.hint ? t(extra.hint) : undefined}>
      {(props) => <input {...props} name={field} defaultValue={values[field] ?? ""} maxLength={extra.maxLength} />}
    </FormField>
  );

  return (
    <Form method="post" noValidate onSubmit={validate} className="space-y-5" data-testid="product-form">
      <input type="hidden" name="intent" value="save" />
      {mode === "edit" && <input type="hidden" name="stockWas" value={values.stockWas ?? ""} />}
      {Object.keys(errors).length > 0 && <Notice tone="error">{t("portal.error.formHasErrors")}</Notice>}
      {errors.form && <Notice tone="error">{error("form")}</Notice>}
      <fieldset className={`${panel} grid min-w-0 gap-4 sm:grid-cols-2`}>
        <legend className="px-1 font-semibold">{t("portal.products.details")}</legend>
        {text("nameZh", "portal.field.nameZh", { maxLength: 60 })}
        {text("nameEn", "portal.field.nameEn", { maxLength: 120 })}
        {text("unitZh", "portal.field.unitZh", { hint: "portal.field.unitHint", maxLength: 10 })}
        {text("unitEn", "portal.field.unitEn", { maxLength: 20 })}
        <FormField id="price" label={t("portal.field.price")} error={error("price")} hint={t("portal.field.priceHint")}>
          {(props) => (
            <input {...props} name="price" inputMode="decimal" autoComplete="off" defaultValue={values.price ?? ""} />
          )}
        </FormField>
        <FormField id="stock" label={t("portal.field.stock")} error={error("stock")} hint={t("portal.field.stockHint")}>
          {(props) => <input {...props} name="stock" inputMode="numeric" defaultValue={values.stock ?? ""} />}
        </FormField>
        <FormField id="categoryId" label={t("portal.field.category")} error={error("categoryId")}>
          {(props) => (
            <select {...props} name="categoryId" defaultValue={values.categoryId ?? ""}>
              <option value="">{t("portal.field.chooseCategory")}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {pick(locale, c, "name")}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="status" label={t("portal.field.status")} error={error("status")}>
          {(props) => (
            <select {...props} name="status" defaultValue={values.status ?? "DRAFT"}>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {t(`portal.status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {(["Zh", "En"] as const).map((lang) => {
          const field = `description${lang}` as const;
          const key = lang === "Zh" ? "zh" : "en";
          return (
            <div key={field} className="space-y-2 sm:col-span-2">
              <FormField
                id={field}
                label={t(`portal.field.${field}`)}
                error={error(field)}
                hint={t("portal.field.markdownHint")}
              >
                {(props) => (
                  <textarea
                    {...props}
                    name={field}
                    rows={6}
                    maxLength={5000}
                    defaultValue={values[field] ?? ""}
                    onChange={(e) => setDescriptions((d) => ({ ...d, [key]: e.target.value }))}
                  />
                )}
              </FormField>
              {descriptions[key].trim() && (
                <details className="rounded border border-dashed border-stone-300 p-3 text-sm">
                  <summary className="cursor-pointer text-stone-700">{t("portal.field.preview")}</summary>
                  <MarkdownView source={descriptions[key]} className="mt-2" />
                </details>
              )}
            </div>
          );
        })}
      </fieldset>
      <button type="submit" className={primaryButton} disabled={submitting}>
        {submitting
          ? t("portal.products.saving")
          : t(mode === "create" ? "portal.products.create" : "portal.products.save")}
      </button>
    </Form>
  );
}
