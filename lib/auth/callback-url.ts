// Where to go after signing in: only a path on this site. Browsers read `//host`, `/\host`, `\/host` and paths
// with tabs or newlines in them as another host, so the value is resolved with the URL parser (as a browser
// would) against a placeholder origin and kept only when it stays there and, written back, is still one path.
const PLACEHOLDER = "https://callback.invalid";

/** The dashboard's root, which leads each role to its main page (lib/auth/navigation.ts homeFor). */
export const DEFAULT_AFTER_SIGN_IN = "/";

export function safeCallbackPath(value: string | null | undefined, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//host` normalises to `//host`: safe as parsed here, another host once a browser reads it again.
  return path.startsWith("//") || path.startsWith("/\\") ? fallback : path;
}

/** next-auth's redirect callback: absolute URLs only on our own origin, anything else to the default page. */
export function safeRedirect(url: string, baseUrl: string): string {
  const origin = new URL(baseUrl).origin;
  let target = url;
  if (!url.startsWith("/")) {
    try {
      const parsed = new URL(url);
      if (parsed.origin !== origin) return `${origin}${DEFAULT_AFTER_SIGN_IN}`;
      target = `${parsed.pathname}${parsed.search}${parsed.hash}`;
    } catch {
      return `${origin}${DEFAULT_AFTER_SIGN_IN}`;
    }
  }
  return `${origin}${safeCallbackPath(target)}`;
}
