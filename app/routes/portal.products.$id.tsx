import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { portalHref } from "~/portal/href";
import { Notice } from "~/components/portal/Notice";
import { PortalErrorBoundary } from "~/components/portal/PortalErrorBoundary";
import { CertificationPanel, ImagesPanel, RetirePanel } from "~/components/portal/ProductPanels";
import { ProductForm } from "~/components/portal/ProductForm";
import { PortalConflictError, rethrowAsHttp } from "~/portal/portal-common.server";
import {
  addProductImage,
  assertOwnProduct,
  getOwnProduct,
  listCategories,
  removeProductImage,
  requestCertification,
  retireProduct,
  updateProduct,
} from "~/portal/portal-products.server";
import { isMultipart, readUploadForm, UploadError, type UploadProblem } from "~/catalog/uploads.server";
import {
  fenToYuanText,
  formValues,
  ImageAltSchema,
  portalErrors,
  ProductSchema,
  StockWasSchema,
} from "~/portal/portal-schema";
import { requireCooperativeStaff } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { localeFromUrl, pick } from "~/utils/i18n";
import { useT, type PortalKey } from "~/i18n/areas/portal";

export const meta: MetaFunction = () => [{ title: "编辑商品 · Edit product" }, { name: "robots", content: "noindex" }];

const NOTICES = {
  created: "portal.notice.created",
  saved: "portal.notice.saved",
  imageAdded: "portal.notice.imageAdded",
  imageRemoved: "portal.notice.imageRemoved",
  certificationRequested: "portal.notice.certificationRequested",
  retired: "portal.notice.retired",
} as const satisfies Record<string, PortalKey>;

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCooperativeStaff(request);
  const prisma = await db();
  const product = await getOwnProduct(prisma, user.cooperativeId, params.id ?? "");
  if (!product) throw new Response("Not found", { status: 404 });
  const done = new URL(request.url).searchParams.get("done") ?? "";
  return {
    locale: localeFromUrl(request.url),
    categories: await listCategories(prisma),
    product: { ...product, certifiedFrom: day(product.certifiedFrom), certifiedUntil: day(product.certifiedUntil) },
    notice: done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null,
  };
}

const UPLOAD_MESSAGES: Record<UploadProblem, PortalKey> = {
  empty: "portal.error.imageRequired",
  "too-large": "portal.error.imageTooLarge",
  "not-an-image": "portal.error.imageNotImage",
  unreadable: "portal.error.reload",
};

type Intent = "save" | "addImage" | "removeImage" | "requestCertification" | "retire";
const answer = (intent: Intent, errors: Record<string, string>, values: Record<string, string> = {}, status = 400) =>
  data({ intent, errors, values }, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCooperativeStaff(request);
  const prisma = await db();
  const id = params.id ?? "";
  const scope = { cooperativeId: user.cooperativeId, actorId: user.id };
  const back = (done: keyof typeof NOTICES) =>
    redirect(portalHref(localeFromUrl(request.url), `/portal/products/${id}`, { done }));
  // Another cooperative's product is not found, before a byte of the body is read. Each model
  // call below scopes its own query to the cooperative as well.
  try {
    await assertOwnProduct(prisma, user.cooperativeId, id);
  } catch (error) {
    rethrowAsHttp(error);
  }

  if (isMultipart(request)) {
    let upload: Awaited<ReturnType<typeof readUploadForm>>;
    try {
      upload = await readUploadForm(request, "image");
    } catch (error) {
      if (error instanceof UploadError)
        return answer(
          "addImage",
          { image: UPLOAD_MESSAGES[error.problem] },
          {},
          error.problem === "too-large" ? 413 : 400,
        );
      throw error;
    }
    const alt = ImageAltSchema.safeParse(upload.fields);
    if (!alt.success) return answer("addImage", portalErrors(alt.error), upload.fields);
    if (!upload.bytes) return answer("addImage", { image: "portal.error.imageRequired" }, upload.fields);
    try {
      await addProductImage(prisma, { ...scope, productId: id, bytes: upload.bytes, ...alt.data });
    } catch (error) {
      if (error instanceof UploadError)
        return answer("addImage", { image: UPLOAD_MESSAGES[error.problem] }, upload.fields, 415);
      rethrowAsHttp(error);
    }
    return back("imageAdded");
  }

  const values = formValues(await request.formData());
  try {
    switch (values.intent) {
      case "save": {
        const parsed = ProductSchema.safeParse(values);
        const stockWas = StockWasSchema.safeParse(values.stockWas);
        if (!parsed.success || !stockWas.success) {
          const errors = parsed.success ? {} : portalErrors(parsed.error);
          if (!stockWas.success) errors.form = "portal.error.reload";
          return answer("save", errors, values);
        }
        await updateProduct(prisma, { ...scope, id, input: parsed.data, stockWas: stockWas.data });
        return back("saved");
      }
      case "removeImage":
        await removeProductImage(prisma, { ...scope, productId: id, imageId: values.imageId ?? "" });
        return back("imageRemoved");
      case "requestCertification":
        await requestCertification(prisma, { ...scope, id });
        return back("certificationRequested");
      case "retire":
        await retireProduct(prisma, { ...scope, id });
        return back("retired");
      default:
        return answer("save", { form: "portal.error.reload" }, values);
    }
  } catch (error) {
    if (error instanceof PortalConflictError) {
      const intent: Intent = error.field === "certification" ? "requestCertification" : "save";
      return answer(intent, { [error.field]: error.message }, values, 409);
    }
    rethrowAsHttp(error);
  }
}

export const ErrorBoundary = PortalErrorBoundary;

export default function EditProduct() {
  const { locale, categories, product, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const submitting = navigation.state !== "idle" && navigation.formMethod === "POST";
  const errorsFor = (intent: Intent) => (result?.intent === intent ? result.errors : {});
  const saved = {
    nameZh: product.nameZh,
    nameEn: product.nameEn,
    descriptionZh: product.descriptionZh,
    descriptionEn: product.descriptionEn,
    unitZh: product.unitZh,
    unitEn: product.unitEn,
    price: fenToYuanText(product.priceFen),
    stock: String(product.stock),
    stockWas: String(product.stock),
    categoryId: product.categoryId,
    status: product.status,
  };
  // After a refused save, the form shows what was typed; the stock it started from stays the loaded one.
  const formValuesShown =
    result?.intent === "save" && result.values.intent === "save"
      ? { ...result.values, stockWas: String(product.stock) }
      : saved;

  return (
    <div className="space-y-5">
      <Link to={portalHref(locale, "/portal/products")} className="text-sm text-brand-700 underline">
        {t("portal.products.back")}
      </Link>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">
          {t("portal.products.editTitle", { name: pick(locale, product, "name") })}
        </h1>
        {product.status === "LISTED" && (
          <a
            href={locale === "en" ? `/en/products/${product.slug}` : `/products/${product.slug}`}
            className="text-sm text-brand-700 underline"
          >
            {t("portal.products.viewInShop")}
          </a>
        )}
      </div>
      {notice && !result && <Notice testId="portal-notice">{t(notice)}</Notice>}
      <ProductForm
        key={`${product.id}:${product.stock}:${notice ?? ""}`}
        mode="edit"
        categories={categories}
        values={formValuesShown}
        errors={errorsFor("save")}
        submitting={submitting}
      />
      <ImagesPanel
        images={product.images}
        errors={errorsFor("addImage")}
        values={result?.intent === "addImage" ? result.values : {}}
        submitting={submitting}
      />
      <CertificationPanel
        product={product}
        error={result?.intent === "requestCertification" ? result.errors.certification : undefined}
      />
      <RetirePanel retired={product.status === "RETIRED"} />
    </div>
  );
}
