import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
import { cartExists, createCart } from "~/cart/cart.server";
import { getOrderByToken, restoreOrderToCart } from "~/orders/orders.server";
import { confirmPayment, testPaymentProvider, testPaymentsAllowed } from "~/payments/provider.server";
import { TEST_PAYMENT_FALLBACK, TestPaymentSchema } from "~/payments/test-payment-schema";
import { cartCookieHeader, readCartId } from "~/utils/cookies.server";
import { db } from "~/utils/db.server";
import { isBusyError } from "~/utils/db-errors.server";
import { parseSubmission } from "~/utils/forms";
import { notFound, requireLocale } from "~/utils/http.server";
import { localePath, pick } from "~/utils/i18n";
import { useT, translate } from "~/i18n/areas/storefront";
import { formatFen } from "~/utils/money";
import { orderNumber } from "~/orders/order-number";

/** The loader's "private, no-store": this page is one buyer's own. */
export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => {
  const merged = new Headers(loaderHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) merged.set("Retry-After", retryAfter);
  return merged;
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? translate(data.locale, "shop.testPayTabTitle", {
          number: data.order.number,
          total: formatFen(data.order.totalFen, data.locale),
        })
      : translate("zh", "shop.testPayTitle"),
  },
  { name: "robots", content: "noindex" },
];

async function findOrder(params: { lang?: string; token?: string }) {
  const locale = requireLocale(params.lang);
  if (!testPaymentsAllowed()) notFound();
  const prisma = await db();
  const order = await getOrderByToken(prisma, params.token ?? "");
  if (!order || order.paymentProvider !== "test") notFound();
  return { locale, prisma, order };
}

export async function loader({ params }: LoaderFunctionArgs) {
  const { locale, order } = await findOrder(params);
  if (order.status !== "PENDING") throw redirect(localePath(locale, `/orders/${order.token}`));
  return data(
    {
      locale,
      order: {
        token: order.token,
        number: orderNumber(order.id),
        totalFen: order.totalFen,
        lines: order.lines.map((l) => ({
          id: l.id,
          nameZh: l.nameZh,
          nameEn: l.nameEn,
          quantity: l.quantity,
          lineTotalFen: l.lineTotalFen,
        })),
      },
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

/**
 * The buyer confirms or cancels. Either way the outcome goes through the test provider's
 * confirmation (applyPaymentEvent, the same path a real provider's takes); the event id is fixed
 * per order and outcome, so a double click applies once.
 */
export async function action(args: ActionFunctionArgs) {
  try {
    return await confirmOrCancel(args);
  } catch (error) {
    // A saturated database is "busy, try again" (the order keeps its reservation), never a 500.
    if (isBusyError(error))
      return data(
        { result: null, error: "shop.busy" as const },
        { status: 503, headers: { "Retry-After": "2", "Cache-Control": "private, no-store" } },
      );
    throw error;
  }
}

async function confirmOrCancel({ request, params }: ActionFunctionArgs) {
  const { locale, prisma, order } = await findOrder(params);
  const submission = parseSubmission(await request.formData(), TestPaymentSchema, TEST_PAYMENT_FALLBACK);
  if (submission.status !== "success") return data({ result: submission.reply(), error: null }, { status: 400 });
  const { intent } = submission.value;
  const orderPage = localePath(locale, `/orders/${order.token}`);
  if (intent === "confirm") {
    await confirmPayment(prisma, testPaymentProvider, {
      orderId: order.id,
      type: "succeeded",
      amountFen: order.totalFen,
    });
    return redirect(orderPage);
  }
  const result = await confirmPayment(prisma, testPaymentProvider, { orderId: order.id, type: "failed" });
  // Cancelling must not cost the buyer their choices: the items go back into the cart.
  const headers = new Headers();
  if (result.changed) {
    let cartId = await readCartId(request);
    if (!(await cartExists(prisma, cartId))) {
      cartId = await createCart(prisma);
      headers.append("Set-Cookie", await cartCookieHeader(cartId));
    }
    await restoreOrderToCart(prisma, order.id, cartId!);
    return redirect(localePath(locale, "/cart"), { headers });
  }
  return redirect(orderPage);
}

export default function TestPaymentPage() {
  const { locale, order } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const answer = useActionData<typeof action>();
  const [form, fields] = useSchemaForm({
    id: "test-payment",
    schema: TestPaymentSchema,
    fallback: TEST_PAYMENT_FALLBACK,
    lastResult: answer?.result,
  });
  const refused = [...(form.errors ?? []), ...(fields.intent.errors ?? [])];
  const busy = navigation.state !== "idle";
  const t = useT();
  return (
    <div className="mx-auto max-w-md">
      <div
        role="note"
        className="rounded-lg border-4 border-dashed border-amber-500 bg-amber-50 p-4 text-center"
        data-testid="test-payment-banner"
      >
        <p className="text-2xl font-black tracking-wide text-amber-900">TEST · {t("shop.testPayTitle")}</p>
        <p className="mt-1 text-amber-900">{t("shop.testPayBanner")}</p>
      </div>
      <h1 className="mt-4 text-xl font-bold" data-testid="pay-order-number">
        {t("shop.orderNumber")} <span className="font-mono">{order.number}</span>
      </h1>
      <h2 className="mt-3 text-sm font-semibold text-stone-700">{t("shop.testPayFor")}</h2>
      <ul className="mt-1 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-sm">
        {order.lines.map((line) => (
          <li key={line.id} className="flex justify-between p-3">
            <span>
              {pick(locale, line, "name")} × {line.quantity}
            </span>
            <span>{formatFen(line.lineTotalFen, locale)}</span>
          </li>
        ))}
        <li className="flex justify-between p-3 font-bold">
          <span>{t("shop.total")}</span>
          <span>{formatFen(order.totalFen, locale)}</span>
        </li>
      </ul>
      <FormErrors
        errors={refused.length ? refused : undefined}
        fallback={TEST_PAYMENT_FALLBACK}
        className="mt-4 rounded bg-red-50 p-3 text-sm text-red-900"
      />
      <Form method="post" className="mt-6 flex flex-col gap-3" {...getFormProps(form)}>
        <button
          type="submit"
          name={fields.intent.name}
          value="confirm"
          disabled={busy}
          className="min-h-12 rounded bg-green-800 px-6 py-3 text-lg font-semibold text-white hover:bg-green-900 disabled:opacity-60"
        >
          {t("shop.testPayConfirm", { total: formatFen(order.totalFen, locale) })}
        </button>
        <button
          type="submit"
          name={fields.intent.name}
          value="cancel"
          disabled={busy}
          className="min-h-12 rounded border border-stone-400 bg-white px-6 py-3 font-semibold hover:bg-stone-100 disabled:opacity-60"
        >
          {t("shop.testPayCancel")}
        </button>
      </Form>
    </div>
  );
}
