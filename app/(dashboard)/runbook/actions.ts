"use server";
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { requireAction } from "@/lib/auth/session";
import { toLocale } from "@/i18n/locales";
import { formValues, runAction, type ActionResult } from "@/lib/http/action-result";
import {
  captureReceipt,
  closeOutage,
  confirmProposedOutage,
  declareOutage,
  RECEIPT_FORM_FIELDS,
  recordTapToPay,
  storeVerdict,
  type CaptureResult,
  type OutageView,
  type TapToPay,
} from "@/lib/runbook";

const storeIdSchema = z.string().trim().min(1).max(64);
const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};

/** Declares an outage for the store starting now (or at the time given), from the runbook page. */
export async function declareOutageAction(_prev: unknown, form: FormData): Promise<ActionResult<OutageView>> {
  return runAction("outages.declare", async () => {
    await requireAction("outages.declare");
    const storeId = storeIdSchema.parse(field(form, "storeId"));
    const actor = await requireAction("outages.declare", { storeId });
    const outage = await declareOutage(actor, {
      storeId,
      startsAt: new Date().toISOString(),
      reason: field(form, "reason") ?? "",
    });
    revalidatePath(`/runbook/${storeId}`);
    return outage;
  });
}

/** Confirms the outage the status panel proposes: from its verdict's start until the store recovers. */
export async function confirmOutageAction(storeId: string): Promise<ActionResult<OutageView>> {
  return runAction("outages.confirm", async () => {
    await requireAction("outages.declare");
    const id = storeIdSchema.parse(storeId);
    const actor = await requireAction("outages.declare", { storeId: id });
    const outage = await confirmProposedOutage(actor, id, await storeVerdict(actor, id));
    revalidatePath(`/runbook/${id}`);
    return outage;
  });
}

export async function closeOutageAction(id: string, storeId: string): Promise<ActionResult<OutageView>> {
  return runAction("outages.close", async () => {
    await requireAction("outages.declare");
    const actor = await requireAction("outages.declare", { storeId: storeIdSchema.parse(storeId) });
    const outage = await closeOutage(actor, z.uuid().parse(id));
    revalidatePath(`/runbook/${outage.storeId}`);
    return outage;
  });
}

export async function recordTapToPayAction(_prev: unknown, form: FormData): Promise<ActionResult<TapToPay>> {
  return runAction("stores.tapToPay", async () => {
    const actor = await requireAction("stores.tap_to_pay.write");
    const result = await recordTapToPay(actor, {
      storeId: field(form, "storeId"),
      available: field(form, "available") === "yes",
      devices: field(form, "devices"),
      procedure: field(form, "procedure"),
    });
    revalidatePath(`/runbook/${result.storeId}`);
    return result;
  });
}

/** Saves a standalone receipt from the phone form; unless it was saved, the answer carries what was typed. */
export async function captureReceiptAction(_prev: unknown, form: FormData): Promise<ActionResult<CaptureResult>> {
  const result = await runAction("receipts.capture", async () => {
    await requireAction("receipts.create");
    const storeId = storeIdSchema.parse(field(form, "storeId"));
    const actor = await requireAction("receipts.create", { storeId });
    const names = [...RECEIPT_FORM_FIELDS, "confirmed"];
    const result = await captureReceipt(
      actor,
      { storeId, ...Object.fromEntries(names.map((n) => [n, field(form, n)])) },
      { locale: toLocale(await getLocale()) },
    );
    if (result.kind === "saved") revalidatePath(`/runbook/${storeId}/receipts/new`);
    return result;
  });
  return result.ok && result.data.kind === "saved"
    ? result
    : { ...result, values: formValues(form, RECEIPT_FORM_FIELDS) };
}
