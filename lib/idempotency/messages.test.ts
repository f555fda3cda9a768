// Every code the checker hands to the page has its words in both languages: each finding code a one-line
// explanation and remedy, each reason reading stopped, each way an analysis ended, each status; with the same
// placeholders in English and German.
import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { FINDING_CODES } from "@/lib/idempotency/codes";
import { STOP_CODES } from "@/lib/idempotency/input/stops";
import { OUTCOME_CODES } from "@/lib/idempotency/outcomes";

type Tree = { [key: string]: string | Tree };
const at = (tree: Tree, key: string): string | undefined => {
  let node: string | Tree | undefined = tree;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

const KEYS = [
  ...FINDING_CODES.flatMap((c) => [`codes.${c}.label`, `codes.${c}.help`, `codes.${c}.remedy`]),
  ...STOP_CODES.map((c) => `stop.${c}`),
  ...OUTCOME_CODES.map((c) => `outcome.${c}`),
  ...["queued", "running", "complete", "incomplete", "failed", "cancelled"].map((s) => `analyses.statusName.${s}`),
];

describe("the checker's words", () => {
  it.each(KEYS)("%s in English and German, with the same placeholders", (key) => {
    const english = at(en.idempotency as Tree, key);
    const german = at(de.idempotency as Tree, key);
    expect(english, `en ${key}`).toBeTruthy();
    expect(german, `de ${key}`).toBeTruthy();
    expect(placeholders(german as string)).toEqual(placeholders(english as string));
  });

  it("explains each finding code and its remedy in one line each", () => {
    for (const code of FINDING_CODES) {
      for (const part of ["help", "remedy"]) {
        const text = at(en.idempotency as Tree, `codes.${code}.${part}`) ?? "";
        expect(text.length, `${code}.${part}`).toBeLessThan(160);
        expect(text).not.toContain("\n");
      }
    }
  });
});
