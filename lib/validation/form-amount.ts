// The amount field of the Pay by Link and receipt forms, read on the server by the same rules for both: typed in
// major units the way the form's locale writes them, more than zero, at most the currency's maximum. A refusal is a
// field problem with a code, which the form words in the reader's language.
import type { FieldProblem } from "@/lib/errors";
import { amountProblemText, isKnownCurrency, parseTypedAmount, type AmountLocale, type MinorAmount } from "@/lib/money";
import { aboveMaximum } from "@/lib/validation/amount-limits";

export type FormAmount = { ok: true; amount: MinorAmount } | { ok: false; problem: FieldProblem };

export function readFormAmount(text: string, currency: string, locale: AmountLocale): FormAmount {
  if (!isKnownCurrency(currency)) {
    const message = `unknown currency "${currency}"`;
    return { ok: false, problem: { path: "currency", message, code: "amount.unknownCurrency", values: { currency } } };
  }
  const parsed = parseTypedAmount(text, currency, locale);
  if (!parsed.ok) {
    const { code } = parsed.problem;
    const values = "values" in parsed.problem ? parsed.problem.values : undefined;
    return { ok: false, problem: { path: "amount", message: amountProblemText(parsed.problem), code, values } };
  }
  if (parsed.value <= 0) {
    return { ok: false, problem: { path: "amount", message: "must be more than zero", code: "amount.notPositive" } };
  }
  const amount = { value: parsed.value, currency };
  const tooMuch = aboveMaximum(amount, "amount", locale);
  return tooMuch ? { ok: false, problem: tooMuch } : { ok: true, amount };
}
