import { beforeAll, describe, expect, it } from "vitest";
import { setEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/route";

beforeAll(() => setEnvForTests({ LOG_LEVEL: "silent" }));

const ok = handle("test", async () => Response.json({ done: true }));
const call = (method: string, headers: Record<string, string>) =>
  ok(
    new Request("http://ops.example.com/api/v1/orders", { method, headers, body: method === "GET" ? undefined : "{}" }),
    {},
  );

describe("route handlers and cross-site requests", () => {
  const SESSION = { cookie: "next-auth.session-token=abc", host: "ops.example.com" };

  it("refuse a state change carried by the session cookie from another origin", async () => {
    const res = await call("POST", { ...SESSION, origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: "FORBIDDEN", message: expect.stringMatching(/origin/i) } });
  });

  it("refuse one with no Origin at all (browsers send it with every POST)", async () => {
    expect((await call("POST", SESSION)).status).toBe(403);
    expect((await call("DELETE", { ...SESSION, origin: "null" })).status).toBe(403);
  });

  it("accept the same origin, reads, and callers with a bearer token or no cookie", async () => {
    expect((await call("POST", { ...SESSION, origin: "http://ops.example.com" })).status).toBe(200);
    expect((await call("GET", { ...SESSION, origin: "https://evil.example" })).status).toBe(200);
    expect(
      (await call("POST", { ...SESSION, authorization: "Bearer ops_x", origin: "https://evil.example" })).status,
    ).toBe(200);
    expect((await call("POST", { host: "ops.example.com" })).status).toBe(200);
  });

  it("never trust the caller's x-request-id as ours, but keep it apart", async () => {
    let seen: { ours: string; caller?: string } | undefined;
    const echo = handle("echo", async (_req, _ctx, requestId, callerRequestId) => {
      seen = { ours: requestId, caller: callerRequestId };
      return Response.json({});
    });
    const res = await echo(new Request("http://x/api", { headers: { "x-request-id": "forged-id" } }), {});
    expect(seen?.ours).not.toBe("forged-id");
    expect(seen?.ours).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen?.caller).toBe("forged-id");
    expect(res.headers.get("x-request-id")).toBe(seen?.ours);
  });

  it("map thrown AppErrors to their status", async () => {
    const fail = handle("fail", async () => {
      throw new AppError("PAYLOAD_TOO_LARGE", "too big");
    });
    expect((await fail(new Request("http://x/api"), {})).status).toBe(413);
  });
});
