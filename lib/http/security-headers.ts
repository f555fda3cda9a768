// Security headers of every page. Scripts run only from this site and with the nonce of this response (Next puts
// it on its own inline scripts when it finds it in the request's CSP header); 'strict-dynamic' lets those scripts
// load the page's chunks. Style attributes stay allowed: charts set them, and a nonce cannot cover attributes.
export type PageSecurity = { nonce: string; https: boolean; dev: boolean };

/** Two years, the preload list's minimum; sent only over https, where browsers honour it. */
export const HSTS = "max-age=63072000; includeSubDomains";

export function contentSecurityPolicy({ nonce, https, dev }: PageSecurity): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export function pageSecurityHeaders(p: PageSecurity): { "Content-Security-Policy": string } & Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(p),
    ...(p.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/** A fresh, unguessable nonce per response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
