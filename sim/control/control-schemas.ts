// Request bodies of the control API (/_sim/...), validated with zod.
import { z } from "zod";
import { API_FAMILIES } from "../faults";
import { INDICATORS } from "../status-page";
import { LINK_STATUSES } from "../checkout/payment-links";

const family = z.enum(API_FAMILIES);
const amount = z.strictObject({
  value: z.number().int().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, "must be a three-letter ISO 4217 code"),
});

export const clockAdvanceSchema = z.strictObject({ ms: z.number().int().nonnegative() });

export const outageSchema = z
  .strictObject({
    all: z.literal(true).optional(),
    storeId: z.string().min(1).optional(),
    terminalId: z.string().min(1).optional(),
    active: z.boolean(),
    mode: z.enum(["unreachable", "reject"]).default("unreachable"),
  })
  .refine((b) => [b.all, b.storeId, b.terminalId].filter((v) => v !== undefined).length === 1, {
    message: "give exactly one of all, storeId or terminalId",
  });

export const rollingOutageSchema = z.strictObject({
  storeId: z.string().min(1),
  active: z.boolean(),
  /** 0 takes them all at once; 10000 takes the first now and one more every 10 s. */
  everyMs: z.number().int().min(0).max(3_600_000).default(10_000),
  mode: z.enum(["unreachable", "reject"]).default("unreachable"),
});

export const latencySchema = z.strictObject({ family, ms: z.number().int().min(0).max(120_000) });

export const errorRateSchema = z.strictObject({
  family,
  rate: z.number().min(0).max(1),
  status: z.union([z.literal(500), z.literal(503)]).default(503),
});

export const dropConnectionSchema = z.strictObject({
  count: z.number().int().min(0),
  family: family.optional(),
});

export const idempotencyStoreSchema = z.strictObject({ available: z.boolean() });

export const statusPageSchema = z.strictObject({
  /** What the page serves: Adyen's real site (default) or an Atlassian Statuspage page with its RSS/Atom feeds. */
  format: z.enum(["adyen", "statuspage"]).optional(),
  available: z.boolean().optional(),
  indicator: z.enum(INDICATORS).nullable().optional(),
  description: z.string().min(1).optional(),
});

export const incidentSchema = z.strictObject({
  name: z.string().min(1),
  impact: z.enum(INDICATORS),
  componentIds: z.array(z.string()).default([]),
  status: z.enum(["investigating", "identified", "monitoring"]).optional(),
  body: z.string().optional(),
});

export const maintenanceSchema = z.strictObject({
  name: z.string().min(1),
  componentIds: z.array(z.string()).default([]),
  startsAt: z.iso.datetime({ offset: true }).optional(),
  endsAt: z.iso.datetime({ offset: true }).optional(),
});

export const resolveIncidentSchema = z.strictObject({
  body: z.string().min(1).default("This incident has been resolved."),
});

export const standalonePaymentSchema = z.strictObject({
  terminalId: z.string().min(1),
  /** The merchant reference the webhook carries: none (default), one the terminal made up, or the tender reference. */
  reference: z.enum(["empty", "terminal", "tender"]).optional(),
  amount,
  at: z.iso.datetime({ offset: true }).optional(),
  outcome: z.enum(["approved", "declined"]).optional(),
  cardBrand: z.string().min(1).optional(),
  lastFour: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
});

export const linkPaymentSchema = z.strictObject({
  outcome: z.enum(["authorised", "refused", "pending"]).default("authorised"),
  force: z.boolean().optional(),
  cardBrand: z.string().min(1).optional(),
});

export const linkStatusSchema = z.strictObject({ status: z.enum(LINK_STATUSES) });

export const webhookTargetSchema = z.strictObject({
  url: z.url().nullable(),
  username: z.string().optional(),
  password: z.string().optional(),
});
