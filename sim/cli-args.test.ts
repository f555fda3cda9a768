import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./cli-args";

function secretsFile(content: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "sim-secrets-")), "s.json");
  writeFileSync(file, content);
  return file;
}

describe("sim command line", () => {
  it("takes secrets from a file so they never appear in the process list", () => {
    const file = secretsFile(JSON.stringify({ apiKey: "k1", hmacKey: "00ff", webhookPassword: "pw" }));
    const { options } = parseCliArgs(["--secrets-file", file, "--webhook-username", "u"]);
    expect(options).toMatchObject({ apiKey: "k1", hmacKey: "00ff", webhookPassword: "pw", webhookUsername: "u" });
  });

  it("lets a flag win over the file and explains a bad file", () => {
    const file = secretsFile(JSON.stringify({ apiKey: "k1", hmacKey: "00ff" }));
    expect(parseCliArgs(["--secrets-file", file, "--api-key", "k2"]).options.apiKey).toBe("k2");
    expect(() => parseCliArgs(["--secrets-file", secretsFile("{")])).toThrow(/--secrets-file: cannot read/);
    expect(() => parseCliArgs(["--secrets-file", secretsFile("{}")])).toThrow(/--secrets-file: apiKey/);
    expect(() => parseCliArgs([])).toThrow(/--api-key is required/);
  });
});
