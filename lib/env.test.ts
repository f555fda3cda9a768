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
    });
    expect(e.ADYEN_ENVIRONMENT).toBe("LIVE");
    expect(e.ADYEN_REGION).toBe("US");
  });
});
