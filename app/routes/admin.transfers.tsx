import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { panelBox, submitButton } from "~/components/units/Fields";
import { AwaitingTransfers, HeldTransfers, RecentTransfers } from "~/components/units/TransferPanels";
import { Field, FormErrors } from "~/components/ui/Field";
import { useSchemaForm } from "~/components/ui/use-schema-form";
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
import {
  RecordTransferSchema,
  transferFormId,
  TransfersActionSchema,
  UNIT_ADMIN_FALLBACK,
} from "~/units/unit-admin-schema";
import { db } from "~/utils/db.server";
import { parseSubmission } from "~/utils/forms";
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
 * Four forms, one schema branched on `intent`: record a transfer from the bank statement (through
 * recordTransfer and so applyPaymentEvent), apply or reject a held one, and extend or release an
 * order's hold. The reply names the form it answers (transferFormId), which alone shows it.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const prisma = await db();
  const submission = parseSubmission(await request.formData(), TransfersActionSchema, UNIT_ADMIN_FALLBACK);
  const formId = transferFormId(submission.payload);
  const answer = (result: ReturnType<typeof submission.reply>, outcome: Outcome | null, status = 200) =>
    data({ formId, result, outcome }, { status });
  if (submission.status !== "success") return answer(submission.reply(), null, 400);
  const input = submission.value;

  if (input.intent === "apply" || input.intent === "reject") {
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
      return answer(submission.reply({ resetForm: true }), { kind: "resolved", how: input.intent });
    } catch (error) {
      if (!(error instanceof TransferReviewError)) throw error;
      const message = [`unitAdmin.error.review.${error.problem}`];
      return answer(
        submission.reply(
          error.problem === "still-mismatched" ? { fieldErrors: { amount: message } } : { formErrors: message },
        ),
        null,
        409,
      );
    }
  }

  if (input.intent === "hold") {
    try {
      const until = await changeTransferHold(prisma, input.orderId, input.days);
      await audit(prisma, {
        actorId: user.id,
        action: until ? "transfer.hold.extend" : "transfer.hold.release",
        entity: "Order",
        entityId: input.orderId,
        after: { days: input.days, until },
      });
      return answer(submission.reply(), { kind: "hold", released: until === null });
    } catch (error) {
      if (!(error instanceof UnitOrderError)) throw error;
      return answer(submission.reply({ formErrors: [`unitAdmin.error.hold.${error.problem}`] }), null, 409);
    }
  }

  const { reference, amount, receivedOn, payerName } = input;
  const result = await recordTransfer(prisma, {
    reference,
    amountFen: amount,
    receivedOn,
    payerName,
    recordedById: user.id,
  });
  if (result.status === "unknown-reference")
    return answer(submission.reply({ fieldErrors: { reference: ["unitAdmin.error.unknownReference"] } }), null, 404);
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
  return answer(submission.reply({ resetForm: true }), outcome, result.status === "held" ? 202 : 200);
}

export default function TransfersAdmin() {
  const { locale, today, held, awaiting, recent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = (key: string, p?: Record<string, string | number>) => translate(locale, key as MessageKey, p);
  const [form, fields] = useSchemaForm({
    id: "transfer-form",
    schema: RecordTransferSchema,
    fallback: UNIT_ADMIN_FALLBACK,
    lastResult: actionData?.formId === "transfer-form" ? actionData.result : undefined,
    defaultValue: { receivedOn: today },
  });
  const f = { fallback: UNIT_ADMIN_FALLBACK };
  const reply = actionData ? { formId: actionData.formId, result: actionData.result } : null;
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
        <input type="hidden" name={fields.intent.name} value="record" />
        <FormErrors errors={form.errors} {...f} testId="form-error" />
        <Field
          field={fields.reference}
          label={t("unitAdmin.transfers.reference")}
          hint={t("unitAdmin.transfers.referenceHint")}
          {...f}
        >
          {(p) => <input {...p} autoCapitalize="characters" />}
        </Field>
        <Field field={fields.amount} label={t("unitAdmin.transfers.amount")} {...f}>
          {(p) => <input {...p} inputMode="decimal" />}
        </Field>
        <Field field={fields.receivedOn} label={t("unitAdmin.transfers.receivedOn")} {...f}>
          {(p) => <input {...p} type="date" />}
        </Field>
        <Field field={fields.payerName} label={t("unitAdmin.transfers.payerName")} {...f}>
          {(p) => <input {...p} maxLength={120} />}
        </Field>
        <button type="submit" className={submitButton}>
          {t("unitAdmin.transfers.recordSubmit")}
        </button>
      </Form>
      <section className="space-y-3">
        <h2 className="text-lg font-bold">{t("unitAdmin.transfers.heldTitle")}</h2>
        <HeldTransfers locale={locale} t={t} held={held} reply={reply} />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-bold">{t("unitAdmin.transfers.awaitingTitle")}</h2>
        <AwaitingTransfers locale={locale} t={t} orders={awaiting} reply={reply} />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-bold">{t("unitAdmin.transfers.recentTitle")}</h2>
        <RecentTransfers locale={locale} t={t} rows={recent} />
      </section>
    </div>
  );
}
