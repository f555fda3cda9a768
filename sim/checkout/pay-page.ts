// The hosted payment page at a link's URL: a simulated shopper can pay, fail or abandon with plain HTML forms.
import { htmlReply, redirectReply, type Reply } from "../http/reply";
import type { RequestContext } from "../http/router";
import type { SimRuntime } from "../runtime";
import { payLink } from "./link-payments";
import { formatAmount } from "../money";
import { currentStatus, type PaymentLink } from "./payment-links";

const RESULT_TEXT: Record<string, string> = {
  paid: "Payment successful. Thank you!",
  failed: "The payment was refused. You can try again.",
  abandoned: "Payment abandoned. The link stays open until it expires.",
  error: "This payment could not be processed.",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function renderPage(link: PaymentLink, status: string, result: string | null): string {
  const locale = typeof link.request["shopperLocale"] === "string" ? link.request["shopperLocale"] : "en-GB";
  const price = formatAmount(link.amount, locale);
  const description = typeof link.request["description"] === "string" ? link.request["description"] : "";
  const canPay = status === "active" || status === "paymentPending";
  const message = result ? (RESULT_TEXT[result] ?? "") : canPay ? "" : `This payment link is ${status}.`;
  const rows: [string, string][] = [
    ["Merchant", link.merchantAccount],
    ["Reference", link.reference],
    ...(description ? ([["Description", description]] as [string, string][]) : []),
    ["Link status", status],
    ["Expires", link.expiresAt.toISOString()],
  ];
  const form = canPay
    ? `<form method="post">
  <fieldset><legend>Simulated shopper</legend>
  <button type="submit" name="outcome" value="authorised">Pay ${escapeHtml(price)}</button>
  <button type="submit" name="outcome" value="refused">Fail payment (card refused)</button>
  <button type="submit" name="outcome" value="abandon">Abandon payment</button>
  </fieldset>
</form>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pay ${escapeHtml(price)} – ${escapeHtml(link.merchantAccount)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}
dt{font-weight:600}button{display:block;width:100%;margin:.5rem 0;padding:.75rem;font-size:1rem}</style></head>
<body><main>
<h1>Pay ${escapeHtml(price)}</h1>
<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join("")}</dl>
<p role="status" aria-live="polite">${escapeHtml(message)}</p>
${form}
</main></body></html>`;
}

export function showPayPage(req: RequestContext, rt: SimRuntime): Reply {
  const link = rt.state.links.get(req.params["linkId"] ?? "");
  if (!link)
    return htmlReply(
      404,
      '<!doctype html><html lang="en"><title>Not found</title><main><h1>Payment link not found</h1></main></html>',
    );
  return htmlReply(200, renderPage(link, currentStatus(link, rt.clock.now()), req.query.get("result")));
}

export function submitPayPage(req: RequestContext, rt: SimRuntime): Reply {
  const linkId = req.params["linkId"] ?? "";
  const outcome = new URLSearchParams(req.rawBody).get("outcome");
  // Relative, so the redirect works whichever host name the shopper used.
  const back = (result: string) => redirectReply(`/payByLink/${encodeURIComponent(linkId)}?result=${result}`);
  if (outcome === "abandon") return back("abandoned");
  if (outcome !== "authorised" && outcome !== "refused") return back("error");
  const paid = payLink(rt, linkId, { outcome });
  if (!paid.ok) return back("error");
  return back(outcome === "authorised" ? "paid" : "failed");
}
