// Runs before every page (not API routes or static files): the per-response CSP nonce and, over https, HSTS.
// X-Forwarded-Proto is trustworthy here: lib/http/client-address.ts rewrites it from the socket unless the peer is
// a proxy named in TRUSTED_PROXIES.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { newNonce, pageSecurityHeaders } from "@/lib/http/security-headers";

export function proxy(request: NextRequest): NextResponse {
  const https = request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:";
  const headers = pageSecurityHeaders({ nonce: newNonce(), https, dev: env().NODE_ENV === "development" });
  const forwarded = new Headers(request.headers);
  forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
