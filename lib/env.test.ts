import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

function problem(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (err) {
    if (err instanceof EnvError) return err.message;
    throw err;
  }
  throw new Error("expected a configuration error");
}

describe("parseEnv", () => {
  it("gives working defaults for the demo set-up", () => {
    const e = parseEnv({});
    expect(e.PORT).toBe(3000);
    expect(e.DATA_DIR).toBe(".data");
    expect(e.ADYEN_ENVIRONMENT).toBe("TEST");
    expect(e.ADYEN_REGION).toBe("EU");
    expect(e.ADYEN_HMAC_KEYS).toEqual([]);
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.JOBS_IN_PROCESS).toBe(true);
    expect(e.SIMULATOR_MODE).toBe(false);
  });

  it("treats empty strings as unset", () => {
    const e = parseEnv({ DATABASE_URL: "", ADYEN_API_KEY: "  ", PORT: "" });
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.ADYEN_API_KEY).toBeUndefined();
    expect(e.PORT).toBe(3000);
  });

  it("splits and checks HMAC keys for rotation", () => {
    const e = parseEnv({
      ADYEN_HMAC_KEYS: "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056, 0a1b2c3d",
    });
    expect(e.ADYEN_HMAC_KEYS).toEqual(["44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056", "0a1b2c3d"]);
  });

  it("names the variable and the problem in one line", () => {
    expect(problem({ ADYEN_HMAC_KEYS: "not-hex" })).toMatch(/^ADYEN_HMAC_KEYS .*hexadecimal/);
    expect(problem({ ADYEN_HMAC_KEYS: "abc" })).toMatch(/^ADYEN_HMAC_KEYS /);
    expect(problem({ ADYEN_ENVIRONMENT: "LIVE" })).toBe(
      "ADYEN_LIVE_URL_PREFIX is required when ADYEN_ENVIRONMENT=LIVE",
    );
    expect(problem({ ADYEN_ENVIRONMENT: "PROD" })).toBe("ADYEN_ENVIRONMENT must be TEST or LIVE");
    expect(problem({ PORT: "70000" })).toMatch(/^PORT must be a TCP port/);
    expect(problem({ DATABASE_URL: "mysql://x" })).toMatch(/^DATABASE_URL must be a postgres/);
    expect(problem({ ADYEN_API_KEY: "k" })).toMatch(/^ADYEN_MERCHANT_ACCOUNT is required/);
    expect(problem({ ADYEN_API_KEY: "k", ADYEN_MERCHANT_ACCOUNT: "M" })).toMatch(/^ADYEN_HMAC_KEYS is required/);
    expect(problem({ NEXTAUTH_SECRET: "short" })).toMatch(/^NEXTAUTH_SECRET must be at least 32/);
    expect(problem({ ADYEN_STATUS_URL: "status.adyen.com" })).toMatch(/^ADYEN_STATUS_URL must be an http/);
    expect(problem({ OIDC_ISSUER: "https://id.example" })).toMatch(/^OIDC_ISSUER .* together/);
    expect(problem({ ADYEN_WEBHOOK_USERNAME: "u" })).toMatch(/^ADYEN_WEBHOOK_PASSWORD is required/);
  });

  it("accepts a complete live configuration", () => {
    const e = parseEnv({
      ADYEN_ENVIRONMENT: "live",
      ADYEN_LIVE_URL_PREFIX: "1797a841fbb37ca7-AdyenDemo",
      ADYEN_API_KEY: "AQE…",
      ADYEN_MERCHANT_ACCOUNT: "ShopCo",
      ADYEN_HMAC_KEYS: "00ff",
      ADYEN_REGION: "us",
      ADYEN_WEBHOOK_USERNAME: "adyen",
      ADYEN_WEBHOOK_PASSWORD: "a-long-webhook-password",
      NEXTAUTH_SECRET: "x".repeat(32),
      NEXTAUTH_URL: "https://ops.shop.example",
    });
    expect(e.ADYEN_ENVIRONMENT).toBe("LIVE");
    expect(e.ADYEN_REGION).toBe("US");
  });

  describe("with real Adyen credentials (not simulator mode)", () => {
    const REAL = { ADYEN_API_KEY: "AQE…", ADYEN_MERCHANT_ACCOUNT: "ShopCo", ADYEN_HMAC_KEYS: "00ff" };
    const SECRET = { NEXTAUTH_SECRET: "s".repeat(32), NEXTAUTH_URL: "https://ops.example.com" };

    it("requires NEXTAUTH_SECRET, which every instance must share", () => {
      expect(problem({ ...REAL, NEXTAUTH_URL: SECRET.NEXTAUTH_URL })).toMatch(/^NEXTAUTH_SECRET is required/);
      expect(parseEnv({ ...REAL, ...SECRET }).NEXTAUTH_SECRET).toBe(SECRET.NEXTAUTH_SECRET);
      // npm start's own children in simulator mode get a generated secret; nothing to require there.
      expect(() => parseEnv({ ...REAL, SIMULATOR_MODE: "true" })).not.toThrow();
    });

    it("requires an https NEXTAUTH_URL (Secure cookies), except on this machine", () => {
      expect(problem({ ...REAL, NEXTAUTH_SECRET: SECRET.NEXTAUTH_SECRET })).toMatch(/^NEXTAUTH_URL is required/);
      expect(problem({ ...REAL, ...SECRET, NEXTAUTH_URL: "http://ops.example.com" })).toMatch(/^NEXTAUTH_URL .*https/);
      expect(() => parseEnv({ ...REAL, ...SECRET, NEXTAUTH_URL: "https://ops.example.com" })).not.toThrow();
      expect(() => parseEnv({ ...REAL, ...SECRET, NEXTAUTH_URL: "http://localhost:3000" })).not.toThrow();
    });

    it("requires basic auth on the webhook in LIVE", () => {
      const live = { ...REAL, ...SECRET, ADYEN_ENVIRONMENT: "LIVE", ADYEN_LIVE_URL_PREFIX: "abc-Shop" };
      expect(problem(live)).toMatch(/^ADYEN_WEBHOOK_USERNAME is required when ADYEN_ENVIRONMENT=LIVE/);
      expect(() =>
        parseEnv({ ...live, ADYEN_WEBHOOK_USERNAME: "adyen", ADYEN_WEBHOOK_PASSWORD: "a-long-webhook-password" }),
      ).not.toThrow();
    });
  });

  it("reads the amount limits of links and receipts per currency, in major units", () => {
    expect(parseEnv({}).AMOUNT_MAX).toEqual({ default: "100000", byCurrency: {} });
    expect(parseEnv({}).AMOUNT_CONFIRM_ABOVE).toEqual({ default: "1000", byCurrency: {} });
    expect(parseEnv({ AMOUNT_MAX: "50000, JPY=15000000,KWD=30000.500" }).AMOUNT_MAX).toEqual({
      default: "50000",
      byCurrency: { JPY: "15000000", KWD: "30000.500" },
    });
    expect(parseEnv({ AMOUNT_CONFIRM_ABOVE: "JPY=200000" }).AMOUNT_CONFIRM_ABOVE).toEqual({
      default: "1000",
      byCurrency: { JPY: "200000" },
    });
    for (const bad of ["100000.50", "1e5", "EUR=12.345", "XYZ=10", "JPY=10.5", "100,000", "-5"]) {
      expect(problem({ AMOUNT_MAX: bad }), bad).toMatch(/^AMOUNT_MAX must be an amount in major units/);
    }
  });

  it("checks TRUSTED_PROXIES", () => {
    expect(parseEnv({ TRUSTED_PROXIES: "10.0.0.0/8, 127.0.0.1,fd00::/8" }).TRUSTED_PROXIES).toEqual([
      "10.0.0.0/8",
      "127.0.0.1",
      "fd00::/8",
    ]);
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual([]);
    for (const bad of ["10.0.0.0/33", "proxy.local", "10.0.0.1/8/1", "*"])
      expect(problem({ TRUSTED_PROXIES: bad })).toMatch(/^TRUSTED_PROXIES must be IP addresses or CIDR/);
  });
});
