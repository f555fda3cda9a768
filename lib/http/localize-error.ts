// An error that carries a message key (lib decides what went wrong, never in which language) gets its message in
// the reader's language here, at the edge: server actions and route handlers, where the request's locale is known.
import { getTranslations } from "next-intl/server";
import { AppError } from "@/lib/errors";

type KeyedMessage = { key: string; values?: Record<string, string | number> };

function keyedMessage(err: AppError): KeyedMessage | undefined {
  const m = err.details?.["message"] as KeyedMessage | undefined;
  return m && typeof m.key === "string" ? m : undefined;
}

export async function localizeError(err: unknown): Promise<unknown> {
  if (!(err instanceof AppError)) return err;
  const m = keyedMessage(err);
  if (!m) return err;
  try {
    const t = await getTranslations();
    return new AppError(err.code, t(m.key, m.values), err.details);
  } catch {
    // Outside a request (the CLI, tests): the English message the error was made with.
    return err;
  }
}
