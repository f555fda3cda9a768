// What the freshness benchmark does as finance would: signs in (NextAuth credentials), reads the first page of
// /reconciliation, and asks /api/v1/reconciliation which orders are matched.

export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/status`, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed (HTTP ${res.status})`);
  return [...jar, session.split(";")[0]].join("; ");
}

/** Time of one read of the reconciliation page's first page (the whole server-rendered HTML). */
export async function readFirstPage(baseUrl: string, cookie: string): Promise<{ ms: number; ok: boolean }> {
  const t = performance.now();
  const res = await fetch(`${baseUrl}/reconciliation`, { headers: { cookie }, redirect: "manual" });
  const html = await res.text();
  return { ms: performance.now() - t, ok: res.status === 200 && html.includes("Reconciliation") };
}

/** Merchant references with the given prefix that the API reports as matched (at most 500). */
export async function matchedWithPrefix(baseUrl: string, token: string, prefix: string): Promise<string[]> {
  const url = `${baseUrl}/api/v1/reconciliation?q=${encodeURIComponent(prefix)}&status=matched&limit=500`;
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) return [];
  const body = (await res.json()) as { items: { merchantReference: string | null }[] };
  return body.items.flatMap((i) => (i.merchantReference ? [i.merchantReference] : []));
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
