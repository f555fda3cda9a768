// Server actions return a result object instead of throwing across the network boundary.
import { ZodError } from "zod";
import { publicError, type FieldProblem } from "@/lib/errors";
import { zodToAppError } from "@/lib/http/route";
import { log, errorFields } from "@/lib/log";

export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: string; problems?: FieldProblem[] };

export async function runAction<T>(name: string, fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    const mapped = publicError(err instanceof ZodError ? zodToAppError(err, "input") : err);
    if (mapped.status >= 500) log.error("action.error", { action: name, ...errorFields(err) });
    return { ok: false, error: mapped.body.error.message, problems: mapped.body.error.problems };
  }
}
