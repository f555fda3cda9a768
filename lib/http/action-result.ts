// Server actions return a result object instead of throwing across the network boundary.
import { randomUUID } from "node:crypto";
import type { FieldProblem } from "@/lib/errors";
import { mapError } from "@/lib/http/route";

export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; error: string; problems?: FieldProblem[] };

export async function runAction<T>(name: string, fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    const { body } = mapError(err, `${name}:${randomUUID()}`, "input");
    return { ok: false, error: body.error.message, problems: body.error.problems };
  }
}
