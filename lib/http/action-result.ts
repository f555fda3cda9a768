// Server actions return a result object instead of throwing across the network boundary.
import { randomUUID } from "node:crypto";
import type { AppErrorCode, FieldProblem } from "@/lib/errors";
import { localizeError } from "@/lib/http/localize-error";
import { mapError } from "@/lib/http/route";

/**
 * A failure carries the error code, so a form can tell "sign in again" or "not allowed" from a bad input. `values`
 * are what the form sent, for a form to show again after an error instead of emptying every field.
 */
export type ActionResult<T = undefined> = (
  { ok: true; data: T } | { ok: false; code: AppErrorCode; error: string; problems?: FieldProblem[] }
) & { values?: Record<string, string> };

export async function runAction<T>(name: string, fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    const { body } = mapError(await localizeError(err), `${name}:${randomUUID()}`, "input");
    return { ok: false, code: body.error.code, error: body.error.message, problems: body.error.problems };
  }
}

/** Longest value sent back into a field: more than any field of ours takes (their maxlength is lower). */
const MAX_VALUE_LENGTH = 1000;

/** The named fields of a submitted form as text, to put back into the form (files and absent fields are ""). */
export function formValues(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    names.map((name) => {
      const value = form.get(name);
      return [name, typeof value === "string" ? value.slice(0, MAX_VALUE_LENGTH) : ""];
    }),
  );
}
