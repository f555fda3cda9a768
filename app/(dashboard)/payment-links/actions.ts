"use server";
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { toLocale } from "@/i18n/locales";
import { requireAction } from "@/lib/auth/session";
import { formValues, runAction, type ActionResult } from "@/lib/http/action-result";
import {
  createLinkFromForm,
  expirePaymentLink,
  LINK_FORM_FIELDS,
  toLinkView,
  type AmountToConfirm,
  type PaymentLinkView,
} from "@/lib/runbook";
import { AppError } from "@/lib/errors";

export type LinkActionData = { kind: "created"; link: PaymentLinkView; pending: boolean } | AmountToConfirm;

/**
 * Creates a link from the Pay by Link form (here and on a store's runbook page). Unless a link was made, the answer
 * carries what was typed, so the form shows it again.
 */
export async function createLinkAction(_prev: unknown, form: FormData): Promise<ActionResult<LinkActionData>> {
  const result = await runAction("links.create", async (): Promise<LinkActionData> => {
    const actor = await requireAction("links.create");
    const made = await createLinkFromForm(actor, form, toLocale(await getLocale()));
    if (made.kind === "confirm") return made;
    const { outcome } = made;
    if (outcome.kind === "failed") throw new AppError("UNPROCESSABLE", outcome.problem);
    revalidatePath("/payment-links");
    return { kind: "created", link: toLinkView(outcome.link), pending: outcome.kind === "pending" };
  });
  return result.ok && result.data.kind === "created"
    ? result
    : { ...result, values: formValues(form, LINK_FORM_FIELDS) };
}

export async function expireLinkAction(id: string): Promise<ActionResult<PaymentLinkView>> {
  return runAction("links.expire", async () => {
    const actor = await requireAction("links.expire");
    const link = await expirePaymentLink(actor, z.uuid().parse(id));
    revalidatePath("/payment-links");
    return link;
  });
}
