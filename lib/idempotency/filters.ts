// One schema for the findings filter: the page's URL, the API's query string and the service all read it.
import { z } from "zod";
import { FINDING_CODES } from "@/lib/idempotency/codes";

const text = z.string().trim().min(1).max(500).optional();

export const findingsFilterSchema = z.object({
  analysisId: z.uuid({ message: "must be an analysis id" }).optional(),
  code: z.enum(FINDING_CODES, { message: `must be one of ${FINDING_CODES.join(", ")}` }).optional(),
  endpoint: text,
  account: text,
  region: text,
  client: text,
  chain: z.coerce.number().int().positive().optional(),
  // "<epoch ms of the last finding>:<its id>", or "n:<id>" past the findings without a time.
  cursor: z
    .string()
    .regex(/^(\d{1,15}|n):\d{1,18}$/, { message: "must be the nextCursor of a previous page" })
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export type FindingsFilter = z.infer<typeof findingsFilterSchema>;
export const FILTER_KEYS = [
  "analysisId",
  "code",
  "endpoint",
  "account",
  "region",
  "client",
  "chain",
  "cursor",
  "limit",
] as const;
