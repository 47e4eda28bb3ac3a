import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ConformInput, FormErrors, panelBox, submitButton } from "~/components/units/Fields";
import { AwaitingTransfers, HeldTransfers, RecentTransfers, type RowErrors } from "~/components/units/TransferPanels";
import { audit } from "~/accounts/accounts.server";
import { requireOrganiser } from "~/accounts/auth.server";
import { changeTransferHold, recordTransfer, UnitOrderError } from "~/payments/unit-checkout.server";
import {
  applyHeldTransfer,
  listAwaitingTransfer,
  listHeldTransfers,
  listRecentTransfers,
  rejectHeldTransfer,
  TransferReviewError,
} from "~/units/transfer-review.server";
import { HoldSchema, ResolveTransferSchema, TransferSchema } from "~/units/unit-admin-schema";
import { db } from "~/utils/db.server";
import { localeFromUrl } from "~/utils/i18n";
import { translate, type MessageKey } from "~/i18n/areas/console";
import { formatFen } from "~/utils/money";
import { shanghaiToday } from "~/utils/shanghai-time";

export const meta: MetaFunction = () => [
  { title: "对公转账 · Bank transfers" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const prisma = await db();
  const [held, awaiting, recent] = await Promise.all([
    listHeldTransfers(prisma),
    listAwaitingTransfer(prisma),
    listRecentTransfers(prisma),
  ]);
  return { locale: localeFromUrl(request.url), today: shanghaiToday(), held, awaiting, recent };
}

type Outcome =
  | { kind: "applied"; orderStatus: string }
  | { kind: "duplicate" }
  | { kind: "held"; receivedFen: number; expectedFen: number }
  | { kind: "resolved"; how: "apply" | "reject" }
  | { kind: "hold"; released: boolean };

/**
 * Four forms: record a transfer from the bank statement (through recordTransfer and so
 * applyPaymentEvent), apply or reject a held one, and extend or release an order's hold.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const prisma = await db();
  const formData = await request.formData();
  const intent = formData.get("intent");
  const none = { record: undefined, rowErrors: null as RowErrors, outcome: null as Outcome | null };

  if (intent === "apply" || intent === "reject") {
    const submission = parseWithZod(formData, { schema: ResolveTransferSchema });
    const rowId = String(formData.get("transferId") ?? "");
    if (submission.status !== "success")
      return data({ ...none, rowErrors: { rowId, errors: submission.reply().error ?? {} } }, { status: 400 });
    const input = submission.value;
    try {
      if (input.intent === "apply") {
        const result = await applyHeldTransfer(prisma, { ...input, amountFen: input.amount, resolvedById: user.id });
        await audit(prisma, {
          actorId: user.id,
          action: "transfer.apply",
          entity: "BankTransfer",
          entityId: input.transferId,
          after: { ...result, amountFen: input.amount, note: input.note },
        });
      } else {
        await rejectHeldTransfer(prisma, { ...input, resolvedById: user.id });
        await audit(prisma, {
          actorId: user.id,
          action: "transfer.reject",
          entity: "BankTransfer",
          entityId: input.transferId,
          after: { note: input.note },
        });
      }
      return data({ ...none, outcome: { kind: "resolved", how: input.intent } as Outcome });
    } catch (error) {
      if (!(error instanceof TransferReviewError)) throw error;
      const field = error.problem === "still-mismatched" ? "amount" : "form";
      return data(
        { ...none, rowErrors: { rowId, errors: { [field]: [`unitAdmin.error.review.${error.problem}`] } } },
        { status: 409 },
      );
    }
  }

  if (intent === "hold") {
    const submission = parseWithZod(formData, { schema: HoldSchema });
    const rowId = String(formData.get("orderId") ?? "");
    if (submission.status !== "success")
      return data({ ...none, rowErrors: { rowId, errors: submission.reply().error ?? {} } }, { status: 400 });
    try {
      const until = await changeTransferHold(prisma, submission.value.orderId, submission.value.days);
      await audit(prisma, {
        actorId: user.id,
        action: until ? "transfer.hold.extend" : "transfer.hold.release",
        entity: "Order",
        entityId: submission.value.orderId,
        after: { days: submission.value.days, until },
      });
      return data({ ...none, outcome: { kind: "hold", released: until === null } as Outcome });
    } catch (error) {
      if (!(error instanceof UnitOrderError)) throw error;
      return data(
        { ...none, rowErrors: { rowId, errors: { form: [`unitAdmin.error.hold.${error.problem}`] } } },
        { status: 409 },
      );
    }
  }

  const submission = parseWithZod(formData, { schema: TransferSchema });
  if (submission.status !== "success") return data({ ...none, record: submission.reply() }, { status: 400 });
  const { reference, amount, receivedOn, payerName } = submission.value;
  const result = await recordTransfer(prisma, {
    reference,
    amountFen: amount,
    receivedOn,
    payerName,
    recordedById: user.id,
  });
  if (result.status === "unknown-reference")
    return data(
      { ...none, record: submission.reply({ fieldErrors: { reference: ["unitAdmin.error.unknownReference"] } }) },
      { status: 404 },
    );
  await audit(prisma, {
    actorId: user.id,
    action: "transfer.record",
    entity: "Order",
    entityId: reference,
    after: { amountFen: amount, payerName, receivedOn, result },
  });
  const outcome: Outcome =
    result.status === "held"
      ? { kind: "held", receivedFen: amount, expectedFen: result.expectedFen }
      : result.duplicate
        ? { kind: "duplicate" }
        : { kind: "applied", orderStatus: result.orderStatus };
  return data(
    { ...none, record: submission.reply({ resetForm: true }), outcome },
    { status: result.status === "held" ? 202 : 200 },
  );
}

export default function TransfersAdmin() {
  const { locale, today, held, awaiting, recent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = (key: string, p?: Record<string, string | number>) => translate(locale, key as MessageKey, p);
  const [form, fields] = useForm({
    id: "transfer-form",
    lastResult: actionData?.record,
    defaultValue: { receivedOn: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TransferSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const outcome = actionData?.outcome;
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-bold">{t("unitAdmin.transfers.title")}</h1>
      {outcome && (
        <p
          role="status"
          data-testid="transfer-outcome"
          className={`rounded p-3 text-sm ${outcome.kind === "held" ? "border border-amber-500 bg-amber-50" : "bg-green-50"}`}
        >
          {outcome.kind === "applied" &&
            t("unitAdmin.transfers.applied", { status: t(`shop.status.${outcome.orderStatus}`) })}
          {outcome.kind === "duplicate" && t("unitAdmin.transfers.duplicate")}
          {outcome.kind === "held" &&
            t("unitAdmin.transfers.heldNow", {
              received: formatFen(outcome.receivedFen, locale),
              expected: formatFen(outcome.expectedFen, locale),
            })}
          {outcome.kind === "resolved" &&
            t(outcome.how === "apply" ? "unitAdmin.transfers.resolvedApply" : "unitAdmin.transfers.resolvedReject")}
          {outcome.kind === "hold" &&
            t(outcome.released ? "unitAdmin.transfers.released" : "unitAdmin.transfers.extended")}
        </p>
      )}
      <Form method="post" {...getFormProps(form)} className={`${panelBox} max-w-xl`}>
        <h2 className="font-bold">{t("unitAdmin.transfers.record")}</h2>
        <p className="text-sm text-stone-700">{t("unitAdmin.transfers.recordIntro")}</p>
        <input type="hidden" name="intent" value="record" />
        <FormErrors errors={form.errors} t={t} />
        <ConformInput
          field={fields.reference}
          label={t("unitAdmin.transfers.reference")}
          t={t}
          autoCapitalize="characters"
          hint={t("unitAdmin.transfers.referenceHint")}
        />
        <ConformInput field={fields.amount} label={t("unitAdmin.transfers.amount")} t={t} inputMode="decimal" />
        <ConformInput field={fields.receivedOn} label={t("unitAdmin.transfers.receivedOn")} t={t} type="date" />
        <ConformInput field={fields.payerName} label={t("unitAdmin.transfers.payerName")} t={t} maxLength={120} />
        <button type="submit" className={submitButton}>
          {t("unitAdmin.transfers.recordSubmit")}
        </button>
      </Form>
      <section className="space-y-3">
        <h2 className="text-lg font-bold">{t("unitAdmin.transfers.heldTitle")}</h2>
        <HeldTransfers locale={locale} t={t} held={held} rowErrors={actionData?.rowErrors ?? null} />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-bold">{t("unitAdmin.transfers.awaitingTitle")}</h2>
        <AwaitingTransfers locale={locale} t={t} orders={awaiting} rowErrors={actionData?.rowErrors ?? null} />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-bold">{t("unitAdmin.transfers.recentTitle")}</h2>
        <RecentTransfers locale={locale} t={t} rows={recent} />
      </section>
    </div>
  );
}
