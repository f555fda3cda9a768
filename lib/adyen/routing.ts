// Decides where a URL built by @adyen/api-library is really sent: Adyen's host, or the configured base URL.
import { URLSearchParams } from "node:url";
import type { IRequest } from "@adyen/api-library/lib/src/typings/requestOptions";

type QueryParams = IRequest.Options["params"];

// Live Checkout URLs carry a host-specific `/checkout` segment before the version
// (https://{prefix}-checkout-live.adyenpayments.com/checkout/v72/...). The simulator and test
// servers serve `/v72/...` for every environment, so that segment is dropped when rerouting.
const HOST_SPECIFIC_PREFIX = /^\/checkout(?=\/v\d+(?:\/|$))/;

/** Hosts the library may be redirected to (same allow-list as the library's own HTTP client). */
const ADYEN_HOST = /(?:^|\.)(?:adyen\.com|adyenpayments\.com)$/i;

export function isAdyenHost(hostname: string): boolean {
  return ADYEN_HOST.test(hostname);
}

function appendParams(url: URL, params: QueryParams): void {
  if (params === undefined) return;
  // The library puts numbers (pageNumber, pageSize) into params; URLSearchParams stringifies them.
  new URLSearchParams(params).forEach((value, key) => url.searchParams.append(key, value));
}

/**
 * Returns the URL to call. Without a base URL it is the library's URL (plus query parameters).
 * With one, scheme, host and port come from the base URL, its path (if any) is prepended,
 * and the library's path and query are kept.
 */
export function routeAdyenUrl(endpoint: string, params: QueryParams, baseUrl: string | undefined): URL {
  const original = new URL(endpoint);
  if (!baseUrl) {
    const url = new URL(original.href);
    appendParams(url, params);
    return url;
  }
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  const path = original.pathname.replace(HOST_SPECIFIC_PREFIX, "");
  const url = new URL(`${base.protocol}//${base.host}`);
  url.pathname = `${basePath}${path}`;
  url.search = original.search;
  appendParams(url, params);
  return url;
}
