// Adyen standard notifications: the envelope, and each NotificationRequestItem read tolerantly into the
// columns we keep. Tolerant of what Adyen really sends (see test-fixtures/adyen): lower-case keys,
// `success` as a JSON boolean, a missing merchantReference or additionalData, amount 0.
import { z } from "zod";
import { AppError, type FieldProblem } from "@/lib/errors";
import { zonedTimestampSchema } from "@/lib/validation/fields";
import { readAdditionalData } from "@/lib/webhooks/additional-data";

/** Adyen batches a handful of items per request; far more means the caller is not Adyen. */
export const MAX_ITEMS_PER_REQUEST = 1000;

export type RawItem = Readonly<Record<string, unknown>>;

const plainObject = z.record(z.string(), z.unknown());

// Adyen's libraries and fixtures send "true"/"false" strings as well as JSON booleans.
const booleanLike = z
  .union(
    [
      z.boolean(),
      z
        .string()
        .trim()
        .toLowerCase()
        .pipe(z.enum(["true", "false"])),
    ],
    { error: 'must be true or false (boolean or "true"/"false")' },
  )
  .transform((v) => v === true || v === "true");

export const notificationEnvelopeSchema = z.object({
  live: booleanLike.optional(),
  notificationItems: z
    .array(
      z.object(
        { NotificationRequestItem: plainObject },
        { error: "must be an object with a NotificationRequestItem object" },
      ),
      {
        error: "must be an array",
      },
    )
    .min(1, "must contain at least one item")
    .max(MAX_ITEMS_PER_REQUEST, `must contain at most ${MAX_ITEMS_PER_REQUEST} items`),
});

const ITEM_FIELDS = [
  "additionalData",
  "amount",
  "eventCode",
  "eventDate",
  "merchantAccountCode",
  "merchantReference",
  "originalReference",
  "paymentMethod",
  "pspReference",
  "reason",
  "success",
];
const AMOUNT_FIELDS = ["value", "currency"];

/** Maps case variants of known keys (`originalreference`) to their spec spelling; the exact spelling wins. */
export function canonicalKeys(input: RawItem, known: readonly string[] = ITEM_FIELDS): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const canonical = known.find((k) => k.toLowerCase() === key.toLowerCase()) ?? key;
    if (key !== canonical && canonical in out) continue;
    out[canonical] = value;
  }
  return out;
}

// References are kept verbatim (they are signed verbatim); empty or null means "none".
const optionalVerbatim = (max: number) =>
  z
    .string({ error: "must be text" })
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((v) => (v === undefined || v === null || v === "" ? null : v));

const requiredVerbatim = (max: number) =>
  z.string({ error: "is required" }).min(1, "must not be empty").max(max, `must be at most ${max} characters`);

const amountSchema = z.preprocess(
  (v) => (v && typeof v === "object" && !Array.isArray(v) ? canonicalKeys(v as RawItem, AMOUNT_FIELDS) : v),
  z.object(
    {
      value: z
        .union(
          [
            z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
            z
              .string()
              .regex(/^-?\d{1,15}$/)
              .transform(Number),
          ],
          {
            error: "must be a whole number of minor units",
          },
        )
        .nullish(),
      currency: z
        .string({ error: "must be a currency code" })
        .trim()
        .regex(/^[A-Za-z]{3}$/, "must be a three-letter currency code")
        .transform((c) => c.toUpperCase())
        .nullish(),
    },
    { error: "must be an object with value and currency" },
  ),
);

const itemSchema = z.object({
  pspReference: requiredVerbatim(128),
  originalReference: optionalVerbatim(128),
  merchantAccountCode: requiredVerbatim(256),
  merchantReference: optionalVerbatim(1024),
  eventCode: requiredVerbatim(64),
  success: booleanLike,
  eventDate: z.preprocess((v) => (v === null || v === "" ? undefined : v), zonedTimestampSchema.optional()),
  amount: amountSchema.nullish(),
  paymentMethod: optionalVerbatim(256),
  reason: optionalVerbatim(4096),
  // Adyen sends flat string values; nested structures (a fuzzer's deep nesting) are refused, not stored.
  additionalData: z
    .record(z.string(), z.union([z.string().max(65_536), z.number(), z.boolean(), z.null()]), {
      error: "must be an object of text values",
    })
    .nullish(),
});

/** One distinct event as stored in payment_events. */
export type PaymentEventRow = {
  dedupeKey: string;
  live: boolean;
  eventCode: string;
  success: boolean;
  pspReference: string;
  originalReference: string | null;
  merchantAccountCode: string;
  merchantReference: string | null;
  amountValue: number | null;
  currency: string | null;
  eventDate: Date | null;
  paymentMethod: string | null;
  reason: string | null;
  paymentLinkId: string | null;
  terminalId: string | null;
  tenderReference: string | null;
  /** A store id or store reference as Adyen named it; resolved against the stores table when stored. */
  storeHint: string | null;
  additionalData: Record<string, unknown>;
  raw: RawItem;
};

/** The identity of an event across redeliveries (same format as the seed factories and benches). */
export function dedupeKeyOf(
  e: Pick<PaymentEventRow, "merchantAccountCode" | "pspReference" | "eventCode" | "success" | "originalReference">,
): string {
  return `${e.merchantAccountCode}|${e.pspReference}|${e.eventCode}|${e.success}|${e.originalReference ?? ""}`;
}

export type ItemParse = { ok: true; row: PaymentEventRow } | { ok: false; problems: FieldProblem[] };

export function normalizeItem(raw: RawItem, live: boolean, path = "NotificationRequestItem"): ItemParse {
  const parsed = itemSchema.safeParse(canonicalKeys(raw));
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: [path, ...i.path].join("."), message: i.message })),
    };
  }
  const item = parsed.data;
  const extracted = readAdditionalData(item.additionalData ?? {});
  const row: Omit<PaymentEventRow, "dedupeKey"> = {
    live,
    eventCode: item.eventCode,
    success: item.success,
    pspReference: item.pspReference,
    originalReference: item.originalReference,
    merchantAccountCode: item.merchantAccountCode,
    merchantReference: item.merchantReference,
    amountValue: item.amount?.value ?? null,
    currency: item.amount?.currency ?? null,
    eventDate: item.eventDate ?? null,
    paymentMethod: item.paymentMethod,
    reason: item.reason,
    ...extracted,
    raw,
  };
  return { ok: true, row: { dedupeKey: dedupeKeyOf(row), ...row } };
}

/** Parses the envelope; item fields are read later, once their signatures are known to be good. */
export function parseEnvelope(body: unknown): { live: boolean; items: RawItem[] } {
  const parsed = notificationEnvelopeSchema.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ path: i.path.join(".") || "(root)", message: i.message }));
    const first = problems[0];
    throw new AppError(
      "VALIDATION",
      `Invalid notification: ${first ? `${first.path}: ${first.message}` : "bad shape"}`,
      { problems },
    );
  }
  return {
    live: parsed.data.live ?? false,
    items: parsed.data.notificationItems.map((w) => w.NotificationRequestItem),
  };
}

/** Normalizes every item or throws one VALIDATION error naming every problem. */
export function normalizeItems(items: readonly RawItem[], live: boolean): PaymentEventRow[] {
  const rows: PaymentEventRow[] = [];
  const problems: FieldProblem[] = [];
  items.forEach((raw, index) => {
    const result = normalizeItem(raw, live, `notificationItems.${index}.NotificationRequestItem`);
    if (result.ok) rows.push(result.row);
    else problems.push(...result.problems);
  });
  const first = problems[0];
  if (first) throw new AppError("VALIDATION", `Invalid notification: ${first.path}: ${first.message}`, { problems });
  return rows;
}
