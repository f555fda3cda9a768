"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAction } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import {
  createPaymentLink,
  expirePaymentLink,
  linkInputFromForm,
  toLinkView,
  type PaymentLinkView,
} from "@/lib/runbook";
import { AppError } from "@/lib/errors";

/** Creates a link from the Pay by Link form (here and on a store's runbook page). */
export async function createLinkAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<{ link: PaymentLinkView; pending: boolean }>> {
  return runAction("links.create", async () => {
    const actor = await requireAction("links.create");
    const { input, clientKey } = linkInputFromForm(form, new Date());
    const outcome = await createPaymentLink(actor, input, { clientKey });
    if (outcome.kind === "failed") throw new AppError("UNPROCESSABLE", outcome.problem);
    revalidatePath("/payment-links");
    return { link: toLinkView(outcome.link), pending: outcome.kind === "pending" };
  });
}

export async function expireLinkAction(id: string): Promise<ActionResult<PaymentLinkView>> {
  return runAction("links.expire", async () => {
    const actor = await requireAction("links.expire");
    const link = await expirePaymentLink(actor, z.uuid().parse(id));
    revalidatePath("/payment-links");
    return link;
  });
}
