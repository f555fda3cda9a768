// Redaction is linear in its input: each pattern's worst case at 1 MB costs a small multiple of a plain scan of the
// same text, measured as CPU time in this process (a ratio, so a slow or busy machine does not change the verdict).
// The patterns this replaced backtracked: an e-mail bait of 40,000 characters took 23 s, `eyJ` × 80,000 took 45 s.
import { describe, expect, it } from "vitest";
import { redactBody, redactCut, redactHeaders, redactJson, redactText, redactUrl } from "@/lib/idempotency/redact";

const MB = 1024 * 1024;
const fill = (unit: string, prefix = "", suffix = "") =>
  prefix + unit.repeat(Math.ceil((MB - prefix.length - suffix.length) / unit.length)) + suffix;

/** Each pattern's worst inputs: long runs it must not retry from every position. */
const BAIT: Record<string, string> = {
  "e-mail: local part, @, dotted domain (the issue's URL)": `https://checkout-test.adyen.com/v71/payments?q=${"a".repeat(MB / 2)}@${"a.".repeat(MB / 4)}`,
  "e-mail: a run with one @ at the end": fill("a", "", "@"),
  "e-mail: @ after every character": fill("a@"),
  "e-mail: dotted domains without a top-level label": fill("a@a.1."),
  "e-mail: local characters only, dots and dashes": fill("a.-+%_"),
  "encrypted: eyJ repeated": fill("eyJ"),
  "encrypted: eyJ and a long head, no dot": fill("a", "eyJ"),
  "encrypted: eyJ heads and short tails": fill("eyJaaaaaaaaaaa.b"),
  "encrypted: adyenjs_ and a version, no $": fill("0", "adyenjs_"),
  "encrypted: adyenjs_ repeated": fill("adyenjs_0_"),
  "card: digits only": fill("4"),
  "card: digits and dashes": fill("4-"),
  "card: digits and spaces, a decimal point every 20": fill("4111 1111 1111 1111.5"),
  "card: numbers that pass Luhn, back to back with a separator": fill("4111111111111111 "),
};

function cpuMicros(fn: () => unknown): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return used.user + used.system;
}

/** The least CPU of a few runs (the first one includes compiling). */
function bestOf(fn: () => unknown, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, cpuMicros(fn));
  return Math.max(best, 1);
}

/** A plain scan: every character read once, as the least any reader must do. */
function plainScan(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

// Generous: a linear pass with a few checks per character costs up to a few tens of plain scans; a backtracking
// pattern costs thousands of times more at this size.
const MAX_RATIO = 60;

describe("redaction is linear in its input", () => {
  for (const [name, text] of Object.entries(BAIT)) {
    it(`${name}: 1 MB costs at most ${MAX_RATIO} plain scans of it`, () => {
      // Ten scans per measurement, so that the baseline is well above the timer's resolution.
      const scan =
        bestOf(() => {
          for (let i = 0; i < 10; i++) plainScan(text);
        }) / 10;
      const cost = Math.max(
        bestOf(() => redactText(text)),
        bestOf(() => redactUrl(text)),
        bestOf(() => redactBody(text)),
        bestOf(() => redactHeaders({ "user-agent": text })),
        bestOf(() => redactJson({ reference: text })),
      );
      expect(cost / scan, `redaction ${cost} µs, plain scan ${Math.round(scan)} µs`).toBeLessThan(MAX_RATIO);
    });
  }

  it("still finds what it is for in bait-sized text", () => {
    const text = `${"x ".repeat(100_000)}jane@example.com ${"eyJ".repeat(1000)} eyJabcdefghijk.lmnopqrstuvw 4111111111111111`;
    expect(redactText(text).endsWith("[email] " + "eyJ".repeat(1000) + " [encrypted] [card]")).toBe(true);
  });

  it("cuts before it stores, never keeping part of a card number or address across the cut", () => {
    const pan = "4111 1111 1111 1111";
    const text = `${"a".repeat(95)}${pan} and jane@example.com`;
    const cut = redactCut(text, 100);
    expect(cut).toBe(`${"a".repeat(95)}[card…`);
    expect(cut).not.toMatch(/4111/);
    expect(redactCut("short", 100)).toBe("short");
  });
});
