import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUnitBuyer } from "~/accounts/auth.server";
import { controlClass, controlProps, ErrorList, Field, FormErrors, type FieldMeta } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { buttonClass, Notice, PaymentChoice, unitOrderProblemText } from "~/components/unit/UnitUi";
import { PROVINCES } from "~/orders/checkout-schema";
import { BulkOrderSchema, MAX_UNIT_QUANTITY, UNIT_FALLBACK } from "~/units/unit-buyer";
import {
  catalogueFacets,
  newOrderKey,
  orderableCatalogue,
  placeOrderForUnit,
  TRANSFER_HOLD_DAYS,
} from "~/units/unit-buyer.server";
import { db } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
import { pick, localeFromUrl } from "~/utils/i18n";
import { translate, type MessageKey } from "~/i18n/areas/console";
import { formatFen } from "~/utils/money";

export const meta: MetaFunction = () => [{ title: "批量下单 · Bulk order" }, { name: "robots", content: "noindex" }];

const slug = (value: string | null) => (value && /^[a-z0-9-]{1,80}$/.test(value) ? value : undefined);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUnitBuyer(request);
  const url = new URL(request.url);
  const filter = {
    q: url.searchParams.get("q")?.slice(0, 50) ?? "",
    region: slug(url.searchParams.get("region")),
    category: slug(url.searchParams.get("category")),
  };
  const prisma = await db();
  const [products, facets] = await Promise.all([orderableCatalogue(prisma, filter), catalogueFacets(prisma)]);
  return {
    locale: localeFromUrl(url),
    filter,
    products,
    facets,
    orderKey: newOrderKey(),
    holdDays: TRANSFER_HOLD_DAYS,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUnitBuyer(request);
  const locale = localeFromUrl(request.url);
  const submission = parseSubmission(await request.formData(), BulkOrderSchema, UNIT_FALLBACK);
  if (submission.status !== "success") return data({ result: submission.reply(), problem: null }, { status: 400 });
  const input = submission.value;
  const outcome = await placeOrderForUnit(await db(), {
    orderKey: input.orderKey,
    organisationId: user.organisationId,
    placedById: user.id,
    lines: input.lines
      .map((l) => ({ productId: l.productId, quantity: l.quantity ?? 0 }))
      .filter((l) => l.quantity > 0),
    delivery: {
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      address: {
        recipientName: input.recipientName,
        province: input.province,
        city: input.city,
        district: input.district,
        addressLine: input.addressLine,
      },
      recipients: [],
    },
    payment: input.payment,
    locale,
  });
  if (outcome.ok) return redirect(outcome.redirectTo);
  // Nothing was reserved; the form keeps what was sent, and the problem is said with its figures.
  return data({ result: submission.reply(), problem: unitOrderProblemText(locale, outcome) }, { status: 409 });
}

export default function UnitOrderBuilder() {
  const { locale, filter, products, facets, orderKey, holdDays } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = (key: MessageKey, p?: Record<string, string | number>) => translate(locale, key, p);
  const [form, fields] = useSchemaForm({
    id: "unit-order",
    schema: BulkOrderSchema,
    fallback: UNIT_FALLBACK,
    lastResult: answer?.result,
    defaultValue: { orderKey, payment: "transfer", lines: products.map((p) => ({ productId: p.id })) },
  });
  const lineFields = fields.lines.getFieldList();
  const q = locale === "en" ? "&lang=en" : "";
  const text = (
    name: "contactName" | "contactPhone" | "recipientName" | "city" | "district" | "addressLine",
    label: MessageKey,
    extra = {},
  ) => (
    <Field field={fields[name]} label={t(label)} fallback={UNIT_FALLBACK}>
      {(p) => <input {...p} {...extra} type="text" />}
    </Field>
  );
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">{t("unit.builder.title")}</h1>
      <p className="text-stone-700">{t("unit.builder.intro")}</p>

      <Form method="get" className="grid gap-2 sm:grid-cols-4" data-testid="unit-filter">
        {locale === "en" && <input type="hidden" name="lang" value="en" />}
        <input
          name="q"
          type="search"
          defaultValue={filter.q}
          aria-label={t("unit.builder.search")}
          placeholder={t("unit.builder.search")}
          className={controlClass(false)}
        />
        <select
          name="region"
          defaultValue={filter.region ?? ""}
          aria-label={t("unit.builder.region")}
          className={controlClass(false)}
        >
          <option value="">
            {t("unit.builder.region")} · {t("unit.builder.all")}
          </option>
          {facets.regions.map((r) => (
            <option key={r.slug} value={r.slug}>
              {pick(locale, r, "name")}
            </option>
          ))}
        </select>
        <select
          name="category"
          defaultValue={filter.category ?? ""}
          aria-label={t("unit.builder.category")}
          className={controlClass(false)}
        >
          <option value="">
            {t("unit.builder.category")} · {t("unit.builder.all")}
          </option>
          {facets.categories.map((c) => (
            <option key={c.slug} value={c.slug}>
              {pick(locale, c, "name")}
            </option>
          ))}
        </select>
        <button type="submit" className="min-h-11 rounded border border-stone-400 px-4 hover:bg-stone-100">
          {t("unit.builder.filter")}
        </button>
      </Form>

      <Form method="post" {...getFormProps(form)} className="space-y-5" data-testid="unit-order-form">
        <input {...getInputProps(fields.orderKey, { type: "hidden" })} />
        <FormErrors
          id={form.errorId}
          errors={form.errors}
          fallback={UNIT_FALLBACK}
          testId="unit-error"
          className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900"
        />
        {answer?.problem && <Notice tone="error">{answer.problem}</Notice>}
        {products.length === 0 ? (
          <p className="text-stone-600">{t("unit.builder.none")}</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded border border-stone-200" data-testid="unit-products">
            {products.map((p, i) => {
              // conform's field for the line (the list follows the form's default or what was sent).
              const quantity: FieldMeta = lineFields[i]?.getFieldset().quantity ?? {
                id: `q-${p.id}`,
                name: `lines[${i}].quantity`,
                errorId: `q-${p.id}-error`,
                descriptionId: `q-${p.id}-hint`,
              };
              return (
                <li key={p.id} className="grid grid-cols-[1fr_7rem] items-center gap-3 p-3" data-testid="unit-product">
                  <div className="min-w-0">
                    <p className="font-medium">
                      {pick(locale, p, "name")}
                      {p.certificateNumber && (
                        <span className="ml-2 rounded bg-green-100 px-1.5 text-xs text-green-900">
                          {t("unit.builder.certified")}
                        </span>
                      )}
                    </p>
                    <p className="text-xs text-stone-600">
                      {pick(locale, p.cooperative.county.region, "name")} · {pick(locale, p.cooperative.county, "name")}{" "}
                      · {pick(locale, p.cooperative, "name")} · {pick(locale, p.category, "name")}
                    </p>
                    <p className="text-sm">
                      <span className="font-semibold tabular-nums">{formatFen(p.priceFen, locale)}</span> /{" "}
                      {pick(locale, p, "unit")} · {t("unit.builder.stock")}{" "}
                      <span className="tabular-nums">{p.stock}</span>
                    </p>
                  </div>
                  <div>
                    <input type="hidden" name={`lines[${i}].productId`} value={p.id} />
                    <label className="sr-only" htmlFor={quantity.id}>
                      {t("unit.builder.quantity")} · {pick(locale, p, "name")}
                    </label>
                    <input
                      {...controlProps(quantity)}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={MAX_UNIT_QUANTITY}
                      step={1}
                      placeholder="0"
                      data-testid={`qty-${p.slug}`}
                      className={controlClass(Boolean(quantity.errors?.length))}
                    />
                    <ErrorList field={quantity} fallback={UNIT_FALLBACK} />
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        <ErrorList field={fields.lines} fallback={UNIT_FALLBACK} />

        <fieldset className="grid gap-3 rounded border border-stone-200 p-3 sm:grid-cols-2">
          <legend className="px-1 font-semibold">{t("unit.builder.delivery")}</legend>
          {text("contactName", "unit.builder.contact", { autoComplete: "name" })}
          {text("contactPhone", "unit.builder.contactPhone", { inputMode: "tel", autoComplete: "tel" })}
          {text("recipientName", "unit.builder.recipientName")}
          <Field field={fields.province} label={t("unit.builder.province")} fallback={UNIT_FALLBACK}>
            {(p) => (
              <select {...p} defaultValue={p.defaultValue ?? ""}>
                <option value="">{t("unit.builder.chooseProvince")}</option>
                {PROVINCES.map(([zh, en]) => (
                  <option key={zh} value={zh}>
                    {locale === "en" ? en : zh}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text("city", "unit.builder.city")}
          {text("district", "unit.builder.district")}
          <div className="sm:col-span-2">{text("addressLine", "unit.builder.addressLine")}</div>
        </fieldset>

        <PaymentChoice locale={locale} holdDays={holdDays} field={fields.payment} />

        <button type="submit" className={`${buttonClass} w-full sm:w-auto`} data-testid="unit-place-order">
          {t("unit.builder.submit")}
        </button>
      </Form>
      <p>
        <Link to={`/unit/recipients${q ? "?lang=en" : ""}`} className="underline">
          {t("unit.builder.manyRecipients")}
        </Link>
      </p>
    </div>
  );
}
