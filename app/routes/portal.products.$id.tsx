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
  ImageUploadSchema,
  PORTAL_FALLBACK,
  ProductEditSchema,
  type ProductEditIntent,
} from "~/portal/portal-schema";
import { requireCooperativeStaff } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { parseSubmission, type FormReply } from "~/utils/forms";
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

const INTENTS: readonly ProductEditIntent[] = ["save", "addImage", "removeImage", "requestCertification", "retire"];
/** Which of the page's forms a reply is for; a post with an unknown intent is answered at the product form. */
const intentOf = (sent: unknown): ProductEditIntent => INTENTS.find((intent) => intent === sent) ?? "save";
const answer = (intent: ProductEditIntent, result: FormReply, status = 400) => data({ intent, result }, { status });

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
    // The upload is read with its 5 MB limit (the body is not buffered past it), then parsed with
    // the form's schema like any other post.
    const refused = (
      problem: UploadProblem,
      submission = parseSubmission(new FormData(), ImageUploadSchema, PORTAL_FALLBACK),
    ) =>
      answer(
        "addImage",
        submission.reply({ fieldErrors: { image: [UPLOAD_MESSAGES[problem]] } }),
        problem === "too-large" ? 413 : problem === "not-an-image" ? 415 : 400,
      );
    let upload: Awaited<ReturnType<typeof readUploadForm>>;
    try {
      upload = await readUploadForm(request, "image");
    } catch (error) {
      if (error instanceof UploadError) return refused(error.problem);
      throw error;
    }
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    if (upload.bytes) form.append("image", new File([new Uint8Array(upload.bytes)], "image"));
    const submission = parseSubmission(form, ImageUploadSchema, PORTAL_FALLBACK);
    if (submission.status !== "success") return answer("addImage", submission.reply());
    const { image, altZh, altEn } = submission.value;
    try {
      await addProductImage(prisma, {
        ...scope,
        productId: id,
        bytes: new Uint8Array(await image.arrayBuffer()),
        altZh,
        altEn,
      });
    } catch (error) {
      if (error instanceof UploadError) return refused(error.problem, submission);
      rethrowAsHttp(error);
    }
    return back("imageAdded");
  }

  const submission = parseSubmission(await request.formData(), ProductEditSchema, PORTAL_FALLBACK);
  if (submission.status !== "success") return answer(intentOf(submission.payload.intent), submission.reply());
  const sent = submission.value;
  try {
    switch (sent.intent) {
      case "save":
        await updateProduct(prisma, { ...scope, id, input: sent.input, stockWas: sent.stockWas });
        return back("saved");
      case "removeImage":
        await removeProductImage(prisma, { ...scope, productId: id, imageId: sent.imageId });
        return back("imageRemoved");
      case "requestCertification":
        await requestCertification(prisma, { ...scope, id });
        return back("certificationRequested");
      case "retire":
        await retireProduct(prisma, { ...scope, id });
        return back("retired");
    }
  } catch (error) {
    if (error instanceof PortalConflictError) {
      // The product form shows a conflict beside its field; the buttons' forms above themselves.
      const reply =
        sent.intent === "save"
          ? submission.reply({ fieldErrors: { [error.field]: [error.message] } })
          : submission.reply({ formErrors: [error.message] });
      return answer(sent.intent, reply, 409);
    }
    rethrowAsHttp(error);
  }
}

export const ErrorBoundary = PortalErrorBoundary;

export default function EditProduct() {
  const { locale, categories, product, notice } = useLoaderData<typeof loader>();
  const answered = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const submitting = navigation.state !== "idle" && navigation.formMethod === "POST";
  const replyFor = (intent: ProductEditIntent) => (answered?.intent === intent ? answered.result : undefined);
  const saved = {
    nameZh: product.nameZh,
    nameEn: product.nameEn,
    descriptionZh: product.descriptionZh,
    descriptionEn: product.descriptionEn,
    unitZh: product.unitZh,
    unitEn: product.unitEn,
    price: fenToYuanText(product.priceFen),
    stock: String(product.stock),
    categoryId: product.categoryId,
    status: product.status,
  };

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
      {notice && !answered && <Notice testId="portal-notice">{t(notice)}</Notice>}
      {/* After a refused save the form shows what was typed; the stock it started from stays the loaded one. */}
      <ProductForm
        key={`${product.id}:${product.stock}:${notice ?? ""}`}
        mode="edit"
        categories={categories}
        defaultValue={saved}
        stockWas={product.stock}
        lastResult={replyFor("save")}
        submitting={submitting}
      />
      <ImagesPanel
        images={product.images}
        lastResult={replyFor("addImage")}
        removeResult={replyFor("removeImage")}
        submitting={submitting}
      />
      <CertificationPanel product={product} lastResult={replyFor("requestCertification")} />
      <RetirePanel retired={product.status === "RETIRED"} lastResult={replyFor("retire")} />
    </div>
  );
}
