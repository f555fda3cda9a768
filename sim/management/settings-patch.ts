// Validation of PATCH …/terminalSettings bodies; `standalone` is checked field by field, other sections loosely.
import { z } from "zod";
import type { InvalidField } from "../errors";
import { SETTINGS_SECTIONS, type SettingsDoc } from "./terminal-settings";

// null and "" are accepted because Adyen reads an empty value as "inherit from the level above".
const standaloneSchema = z.strictObject({
  enableStandalone: z.boolean().nullable().optional(),
  currencyCode: z
    .union([z.string().regex(/^[A-Z]{3}$/, "must be a three-letter ISO 4217 code"), z.literal("")])
    .nullable()
    .optional(),
  enableGratuities: z.boolean().nullable().optional(),
});

const looseSection = z.record(z.string(), z.unknown()).nullable().optional();

const sectionSchemas = Object.fromEntries(
  SETTINGS_SECTIONS.map((s) => {
    if (s === "standalone") return [s, standaloneSchema.nullable().optional()];
    if (s === "gratuities") return [s, z.array(z.record(z.string(), z.unknown())).nullable().optional()];
    return [s, looseSection];
  }),
);

const patchSchema = z.strictObject(sectionSchemas);

export type PatchResult = { ok: true; patch: SettingsDoc } | { ok: false; invalidFields: InvalidField[] };

export function parseSettingsPatch(body: unknown): PatchResult {
  const parsed = patchSchema.safeParse(body);
  if (parsed.success) return { ok: true, patch: parsed.data as SettingsDoc };
  const invalidFields = parsed.error.issues.flatMap((issue): InvalidField[] => {
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [null];
    return keys.map((key) => {
      const path = key === null ? issue.path : [...issue.path, key];
      return {
        name: path.map(String).join(".") || "body",
        value: describe(valueAt(body, path)),
        message: issue.message,
      };
    });
  });
  return { ok: false, invalidFields };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function describe(value: unknown): string {
  if (value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}
