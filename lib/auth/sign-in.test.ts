import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { NextAuthOptions } from "next-auth";
import { db, disconnectDb, setDatabaseUrl } from "@/lib/db";
import { setEnvForTests } from "@/lib/env";
import { authOptions } from "@/lib/auth/options";
import { createUser } from "@/lib/auth/users";
import { pruneSignInThrottle } from "@/lib/auth/throttle";
import { withTestDatabase } from "@/lib/testing/database";

const database = withTestDatabase();
const PASSWORD = "the-right-password-1";
beforeAll(async () => {
  setEnvForTests({ LOG_LEVEL: "silent" });
  await createUser({ email: "owner@example.com", role: "finance", password: PASSWORD }, "system");
});
afterAll(() => setEnvForTests({}));

type Authorize = (creds: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;

/** The credentials provider exactly as next-auth calls it: its `options.authorize`, with the request's headers. */
function authorize(email: string, password: string, address: string): Promise<unknown> {
  const provider = authOptions().providers.find((p) => p.id === "credentials") as unknown as {
    options: { authorize: Authorize };
  };
  return provider.options.authorize({ email, password }, { headers: { "x-forwarded-for": address } });
}

async function outcome(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
    return "ok";
  } catch (err) {
    return (err as Error).message;
  }
}

describe("sign-in with email and password", () => {
  it("someone who knows an email cannot lock its owner out from another address", async () => {
    for (let i = 0; i < 5; i++)
      expect(await outcome(authorize("owner@example.com", "guess", "203.0.113.9"))).toBe("invalid");
    expect(await outcome(authorize("owner@example.com", "guess", "203.0.113.9"))).toBe("throttled");
    // The attacker's address is throttled, even with the right password…
    expect(await outcome(authorize("owner@example.com", PASSWORD, "203.0.113.9"))).toBe("throttled");
    // …while the owner, elsewhere, signs in.
    expect(await outcome(authorize("owner@example.com", PASSWORD, "198.51.100.7"))).toBe("ok");
  });

  it("parallel attempts cannot slip past the limit: each attempt is counted before the password is checked", async () => {
    await createUser({ email: "burst@example.com", role: "finance", password: PASSWORD }, "system");
    const results = await Promise.all(
      Array.from({ length: 20 }, () => outcome(authorize("burst@example.com", "guess", "192.0.2.44"))),
    );
    expect(results.filter((r) => r === "invalid")).toHaveLength(5);
    expect(results.filter((r) => r === "throttled")).toHaveLength(15);
  });

  it("one address trying many accounts is throttled as an address", async () => {
    const results: string[] = [];
    for (let i = 0; i < 27; i++)
      results.push(await outcome(authorize(`nobody${i}@example.com`, "guess", "192.0.2.99")));
    expect(results.slice(0, 25).every((r) => r === "invalid")).toBe(true);
    expect(results.slice(25)).toEqual(["throttled", "throttled"]);
  });

  it("a successful sign-in does not use up the address's budget", async () => {
    for (let i = 0; i < 30; i++)
      expect(await outcome(authorize("owner@example.com", PASSWORD, "192.0.2.150"))).toBe("ok");
  });

  it("an unexpected failure is not echoed to the anonymous caller", async () => {
    const url = database().url;
    await disconnectDb();
    setDatabaseUrl("postgresql://nobody:secret-word@127.0.0.1:9/unreachable");
    try {
      const message = await outcome(authorize("owner@example.com", PASSWORD, "192.0.2.200"));
      expect(message).toBe("failed");
    } finally {
      await disconnectDb();
      setDatabaseUrl(url);
    }
    expect(await db().user.count()).toBeGreaterThan(0);
  });
});

describe("the sign-in log", () => {
  it("never holds the typed e-mail address of a failed or throttled attempt (a password typed there, say)", async () => {
    setEnvForTests({ LOG_LEVEL: "debug" });
    const lines: string[] = [];
    const capture = (chunk: string | Uint8Array) => (lines.push(String(chunk)), true);
    const out = vi.spyOn(process.stdout, "write").mockImplementation(capture);
    const err = vi.spyOn(process.stderr, "write").mockImplementation(capture);
    try {
      expect(await outcome(authorize("my-Secret-Passw0rd", "x", "203.0.113.40"))).toBe("invalid");
      expect(await outcome(authorize("owner@example.com", "guess", "203.0.113.41"))).toBe("invalid");
      for (let i = 0; i < 5; i++) await outcome(authorize("logged@example.com", "guess", "203.0.113.42"));
      expect(await outcome(authorize("logged@example.com", "guess", "203.0.113.42"))).toBe("throttled");
    } finally {
      out.mockRestore();
      err.mockRestore();
      setEnvForTests({ LOG_LEVEL: "silent" });
    }
    const events = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.filter((e) => e["event"] === "auth.sign_in.failed")).toHaveLength(7);
    expect(events.filter((e) => e["event"] === "auth.sign_in.throttled")).toHaveLength(1);
    // A known account is named by its id, which is no secret; the address stays for the throttle's sake.
    expect(events.find((e) => e["address"] === "203.0.113.41")).toMatchObject({ account: "known" });
    expect(events.find((e) => e["address"] === "203.0.113.40")).toMatchObject({ account: "unknown" });
    const all = lines.join("").toLowerCase();
    for (const typed of ["my-secret-passw0rd", "owner@example.com", "logged@example.com"])
      expect(all).not.toContain(typed);
  });
});

describe("session cookies", () => {
  it("are Secure when the app is served over https, and only readable by the server", () => {
    setEnvForTests({ LOG_LEVEL: "silent", NEXTAUTH_URL: "https://ops.example.com" });
    expect(authOptions().useSecureCookies).toBe(true);
    setEnvForTests({ LOG_LEVEL: "silent", NEXTAUTH_URL: "http://localhost:3000" });
    expect(authOptions().useSecureCookies).toBe(false);
    setEnvForTests({ LOG_LEVEL: "silent" });
  });
});

describe("single sign-on", () => {
  const signIn = authOptions().callbacks?.signIn as NonNullable<NonNullable<NextAuthOptions["callbacks"]>["signIn"]>;
  const attempt = (profile: Record<string, unknown>) =>
    signIn({
      user: { id: "idp-sub", email: "owner@example.com" },
      account: { provider: "oidc", type: "oauth", providerAccountId: "idp-sub" },
      profile: { sub: "idp-sub", email: "owner@example.com", ...profile },
    });

  it("requires the identity provider to say the email is verified", async () => {
    expect(await attempt({ email_verified: false })).toBe(false);
    expect(await attempt({})).toBe(false);
    expect(await attempt({ email_verified: "false" })).toBe(false);
    expect(await attempt({ email_verified: true })).toBe(true);
  });

  it("lets in only people known here", async () => {
    const profile = { sub: "x", email: "stranger@example.com", email_verified: true };
    expect(
      await signIn({
        user: { id: "x", email: "stranger@example.com" },
        account: { provider: "oidc", type: "oauth", providerAccountId: "x" },
        profile,
      }),
    ).toBe(false);
  });
});

describe("the throttle table", () => {
  it("keeps no window that has ended", async () => {
    await db().$executeRaw`INSERT INTO sign_in_throttle (key, failures, first_failure_at)
      VALUES ('pair:old@example.com|192.0.2.1', 3, now() - interval '16 minutes'), ('address:192.0.2.1', 3, now())`;
    await pruneSignInThrottle();
    const keys = (await db().signInThrottle.findMany({ select: { key: true } })).map((r) => r.key);
    expect(keys).not.toContain("pair:old@example.com|192.0.2.1");
    expect(keys).toContain("address:192.0.2.1");
  });
});
