// Server actions return a result object instead of throwing across the network boundary.
import { randomUUID } from "node:crypto";
import type { AppErrorCode, FieldProblem } from "@/lib/errors";
import { localizeError } from "@/lib/http/localize-error";
import { mapError } from "@/lib/http/route";

/** A failure carries the error code, so a form can tell "sign in again" or "not allowed" from a bad input. */
export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; code: AppErrorCode; error: string; problems?: FieldProblem[] };

export async function runAction<T>(name: string, fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    const { body } = mapError(await localizeError(err), `${name}:${randomUUID()}`, "input");
    return { ok: false, code: body.error.code, error: body.error.message, problems: body.error.problems };
  }
}
