// Small presentation helpers shared by server and client components (nothing here imports the checker itself).
export const IDEM_PATH = "/idempotency";

export function analysisHref(id: string): string {
  return `${IDEM_PATH}?analysis=${id}`;
}

export const percent = (share: number) => `${(share * 100).toFixed(share === 1 || share === 0 ? 0 : 1)} %`;

export const linkClass = "font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600";
export const buttonLinkClass =
  "inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-100";
