import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { portalHref } from "~/portal/href";
import { PortalErrorBoundary } from "~/components/portal/PortalErrorBoundary";
import { ProductForm } from "~/components/portal/ProductForm";
import { PortalConflictError } from "~/portal/portal-common.server";
import { createProduct, listCategories } from "~/portal/portal-products.server";
import { PORTAL_FALLBACK, ProductSchema } from "~/portal/portal-schema";
import { requireCooperativeStaff } from "~/accounts/auth.server";
import { db } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
import { localeFromUrl } from "~/utils/i18n";
import { translate } from "~/i18n/areas/portal";

export const meta: MetaFunction = () => [{ title: "新增商品 · Add a product" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCooperativeStaff(request);
  return { locale: localeFromUrl(request.url), categories: await listCategories(await db()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCooperativeStaff(request);
  const locale = localeFromUrl(request.url);
  const submission = parseSubmission(await request.formData(), ProductSchema, PORTAL_FALLBACK);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const product = await createProduct(await db(), {
      cooperativeId: user.cooperativeId,
      actorId: user.id,
      input: submission.value,
    });
    return redirect(portalHref(locale, `/portal/products/${product.id}`, { done: "created" }));
  } catch (error) {
    if (error instanceof PortalConflictError)
      return data({ result: submission.reply({ fieldErrors: { [error.field]: [error.message] } }) }, { status: 409 });
    throw error;
  }
}

export const ErrorBoundary = PortalErrorBoundary;

export default function NewProduct() {
  const { locale, categories } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <div className="space-y-4">
      <Link to={portalHref(locale, "/portal/products")} className="text-sm text-brand-700 underline">
        {translate(locale, "portal.products.back")}
      </Link>
      <h1 className="text-2xl font-bold">{translate(locale, "portal.products.newTitle")}</h1>
      <ProductForm
        mode="create"
        categories={categories}
        defaultValue={{ status: "LISTED" }}
        lastResult={result?.result}
        submitting={navigation.state !== "idle" && navigation.formMethod === "POST"}
      />
    </div>
  );
}
