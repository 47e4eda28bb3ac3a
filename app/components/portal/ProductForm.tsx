import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useState } from "react";
import { Field, FormErrors } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { PORTAL_FALLBACK, PRODUCT_STATUSES, ProductSaveSchema, ProductSchema } from "~/portal/portal-schema";
import type { FormReply } from "~/utils/forms";
import { pick } from "~/utils/i18n";
import { useT, type PortalKey } from "~/i18n/areas/portal";
import { MarkdownView } from "~/components/MarkdownView";
import { Notice } from "./Notice";
import { panel, primaryButton } from "./styles";
import { useLocale } from "~/utils/use-locale";

/** The product as the form shows it: its fields as the strings the form sends. */
export type ProductFormValues = Partial<
  Record<
    | "nameZh"
    | "nameEn"
    | "descriptionZh"
    | "descriptionEn"
    | "unitZh"
    | "unitEn"
    | "price"
    | "stock"
    | "categoryId"
    | "status",
    string
  >
>;

/**
 * The product form of the "new" and "edit" pages. It runs the action's schema before posting, so
 * mistakes show beside their fields at once; the action checks again and answers the same way,
 * with what was typed kept (and without JavaScript the action's answer is all there is).
 *
 * On the edit page the form also sends the stock it started from (`stockWas`, always the loaded
 * stock, also after a refused save), so a save applies a difference, not an overwrite.
 */
export function ProductForm({
  mode,
  categories,
  defaultValue,
  stockWas,
  lastResult,
  submitting,
}: {
  mode: "create" | "edit";
  categories: { id: string; nameZh: string; nameEn: string }[];
  defaultValue: ProductFormValues;
  /** The loaded stock (edit page only). */
  stockWas?: number;
  lastResult: FormReply | null | undefined;
  submitting: boolean;
}) {
  const locale = useLocale();
  const t = useT();
  const [form, fields] = useSchemaForm({
    id: "product",
    schema: mode === "create" ? ProductSchema : ProductSaveSchema,
    fallback: PORTAL_FALLBACK,
    lastResult,
    defaultValue,
    // The schema transforms the whole form (into what the action stores), which conform cannot read.
    constraint: false,
  });
  const shown = (field: { initialValue?: unknown }) =>
    typeof field.initialValue === "string" ? field.initialValue : "";
  const [descriptions, setDescriptions] = useState({
    zh: shown(fields.descriptionZh),
    en: shown(fields.descriptionEn),
  });
  const statuses = mode === "create" ? PRODUCT_STATUSES.filter((s) => s !== "RETIRED") : PRODUCT_STATUSES;
  const hasErrors = Object.values(form.allErrors).some((errors) => errors.length > 0);
  // A stale page (the stock it started from, an unknown intent) is about the whole form.
  const formErrors = [...(form.errors ?? []), ...(fields.stockWas.errors ?? []), ...(fields.intent.errors ?? [])];
  const f = { fallback: PORTAL_FALLBACK };

  const text = (
    field: "nameZh" | "nameEn" | "unitZh" | "unitEn",
    label: PortalKey,
    extra: { hint?: PortalKey; maxLength?: number } = {},
  ) => (
    <Field field={fields[field]} label={t(label)} hint={extra.hint ? t(extra.hint) : undefined} {...f}>
      {(p) => <input {...p} maxLength={extra.maxLength} />}
    </Field>
  );

  return (
    <Form method="post" className="space-y-5" data-testid="product-form" {...getFormProps(form)}>
      {mode === "edit" && (
        <>
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name={fields.stockWas.name} value={String(stockWas ?? "")} />
        </>
      )}
      {hasErrors && <Notice tone="error">{t("portal.error.formHasErrors")}</Notice>}
      <FormErrors errors={formErrors} id={form.errorId} {...f} />
      <fieldset className={`${panel} grid min-w-0 gap-4 sm:grid-cols-2`}>
        <legend className="px-1 font-semibold">{t("portal.products.details")}</legend>
        {text("nameZh", "portal.field.nameZh", { maxLength: 60 })}
        {text("nameEn", "portal.field.nameEn", { maxLength: 120 })}
        {text("unitZh", "portal.field.unitZh", { hint: "portal.field.unitHint", maxLength: 10 })}
        {text("unitEn", "portal.field.unitEn", { maxLength: 20 })}
        <Field field={fields.price} label={t("portal.field.price")} hint={t("portal.field.priceHint")} {...f}>
          {(p) => <input {...p} inputMode="decimal" autoComplete="off" />}
        </Field>
        <Field field={fields.stock} label={t("portal.field.stock")} hint={t("portal.field.stockHint")} {...f}>
          {(p) => <input {...p} inputMode="numeric" />}
        </Field>
        <Field field={fields.categoryId} label={t("portal.field.category")} {...f}>
          {(p) => (
            <select {...p} defaultValue={p.defaultValue ?? ""}>
              <option value="">{t("portal.field.chooseCategory")}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {pick(locale, c, "name")}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field field={fields.status} label={t("portal.field.status")} {...f}>
          {(p) => (
            <select {...p} defaultValue={p.defaultValue ?? "DRAFT"}>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {t(`portal.status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {(["Zh", "En"] as const).map((lang) => {
          const name = `description${lang}` as const;
          const key = lang === "Zh" ? "zh" : "en";
          return (
            <div key={name} className="space-y-2 sm:col-span-2">
              <Field
                field={fields[name]}
                label={t(`portal.field.${name}`)}
                hint={t("portal.field.markdownHint")}
                {...f}
              >
                {(p) => (
                  <textarea
                    {...p}
                    rows={6}
                    maxLength={5000}
                    onChange={(e) => setDescriptions((d) => ({ ...d, [key]: e.target.value }))}
                  />
                )}
              </Field>
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
