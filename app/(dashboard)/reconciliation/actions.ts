"use server";
// Finance's decisions from the reconciliation page. Thin: check the role, validate, call lib/, refresh the page.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAction } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import {
  bulkConfirm,
  confirmMatch,
  evidenceRefSchema,
  matchManually,
  rejectMatch,
  undoDecision,
} from "@/lib/reconciliation/decisions";

const PATH = "/reconciliation";
const itemIdSchema = z.string().regex(/^\d{1,18}$/, { message: "item id must be a number" });
const decisionIdSchema = z.string().regex(/^\d{1,18}$/, { message: "decision id must be a number" });

export async function confirmMatchAction(itemId: string, kind: string, evidenceId: string): Promise<ActionResult> {
  return runAction("reconciliation.confirm", async () => {
    const actor = await requireAction("reconciliation.decide");
    await confirmMatch(actor, itemIdSchema.parse(itemId), evidenceRefSchema.parse({ kind, id: evidenceId }));
    revalidatePath(PATH);
    return undefined;
  });
}

export async function rejectMatchAction(itemId: string, kind: string, evidenceId: string): Promise<ActionResult> {
  return runAction("reconciliation.reject", async () => {
    const actor = await requireAction("reconciliation.decide");
    await rejectMatch(actor, itemIdSchema.parse(itemId), evidenceRefSchema.parse({ kind, id: evidenceId }));
    revalidatePath(PATH);
    return undefined;
  });
}

export async function undoDecisionAction(decisionId: string): Promise<ActionResult> {
  return runAction("reconciliation.undo", async () => {
    const actor = await requireAction("reconciliation.decide");
    await undoDecision(actor, decisionIdSchema.parse(decisionId));
    revalidatePath(PATH);
    return undefined;
  });
}

/** For useActionState: the form carries the item id, the evidence kind and the evidence id. */
export async function manualMatchAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction("reconciliation.manualMatch", async () => {
    const actor = await requireAction("reconciliation.decide");
    const evidence = evidenceRefSchema.parse({
      kind: String(form.get("kind") ?? ""),
      id: String(form.get("evidenceId") ?? "").trim(),
    });
    await matchManually(actor, itemIdSchema.parse(String(form.get("itemId") ?? "")), evidence);
    revalidatePath(PATH);
    return undefined;
  });
}

/** Item ids stay stable while orders are re-matched, so the ticked rows can go to bulkConfirm as they are. */
export async function bulkConfirmAction(
  itemIds: string[],
): Promise<ActionResult<{ confirmed: number; skipped: number }>> {
  return runAction("reconciliation.bulkConfirm", async () => {
    const actor = await requireAction("reconciliation.decide");
    const ids = z.array(itemIdSchema).min(1, { message: "select at least one row" }).max(500).parse(itemIds);
    const result = await bulkConfirm(actor, ids);
    revalidatePath(PATH);
    return result;
  });
}
