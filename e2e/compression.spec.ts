// The real app server compresses what Next answers (gzip or brotli, as the browser asks), pages still render
// and stream through it, and the webhook URL answers uncompressed as before.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { E2E_BASE_URL } from "./config";

function head(
  path: string,
  acceptEncoding: string,
  method = "GET",
): Promise<{ status: number; encoding: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${E2E_BASE_URL}${path}`,
      { method, headers: { "accept-encoding": acceptEncoding } },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, encoding: res.headers["content-encoding"] }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

test("pages, scripts and styles leave the server compressed, the webhook URL does not", async ({ page }) => {
  await page.goto("/login");
  const assets = await page
    .locator("script[src], link[rel=stylesheet]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("src") ?? e.getAttribute("href") ?? ""));
  const script = assets.find((a) => a.endsWith(".js"));
  const style = assets.find((a) => a.endsWith(".css"));
  expect(script && style).toBeTruthy();
  for (const path of ["/login", script as string, style as string]) {
    expect((await head(path, "gzip, deflate, br")).encoding, path).toBe("br");
    expect((await head(path, "gzip")).encoding, path).toBe("gzip");
    expect((await head(path, "identity")).encoding, path).toBeUndefined();
  }
  const webhook = await head("/api/webhooks/adyen", "gzip, br", "POST");
  expect(webhook.status).toBe(401);
  expect(webhook.encoding).toBeUndefined();
});
