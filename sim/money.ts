// Display of integer minor-unit amounts with the currency's own exponent (no float arithmetic).
export interface Amount {
  readonly currency: string;
  readonly value: number;
}

export function formatAmount(amount: Amount, locale = "en-GB"): string {
  let nf: Intl.NumberFormat;
  try {
    nf = new Intl.NumberFormat(locale, { style: "currency", currency: amount.currency });
  } catch {
    nf = new Intl.NumberFormat("en-GB", { style: "currency", currency: amount.currency });
  }
  const exponent = nf.resolvedOptions().maximumFractionDigits ?? 2;
  const digits = String(Math.abs(amount.value)).padStart(exponent + 1, "0");
  const decimal = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  // Intl formats decimal strings exactly, so no float conversion of the amount is needed.
  return nf.format(`${amount.value < 0 ? "-" : ""}${decimal}` as `${number}`);
}
