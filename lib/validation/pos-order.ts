// A POS order: what the till says was sold, matched later against evidence that money moved.
import { z } from "zod";
import {
  amountSchema,
  optionalPattern,
  optionalText,
  PSP_REFERENCE_PATTERN,
  requiredText,
  zonedTimestampSchema,
} from "@/lib/validation/fields";

/** Upper bound of orders in one API request; larger uploads go through CSV import. */
export const MAX_ORDERS_PER_REQUEST = 10_000;

export const posOrderSchema = z.object({
  /** The POS order number; the reference Adyen payments carry (Adyen allows 80 characters). */
  merchantReference: requiredText(80),
  /** Our store id; whether it exists is checked against the database by the caller (see validateBatch). */
  storeId: requiredText(100),
  amount: amountSchema,
  createdAt: zonedTimestampSchema,
  description: optionalText(500),
  terminalId: optionalText(100),
  /** Set when the POS learned the payment's PSP reference from the terminal; matched exactly. */
  pspReference: optionalPattern(
    PSP_REFERENCE_PATTERN,
    "must be Adyen's 16-character PSP reference (letters and digits)",
    (value) => value.toUpperCase(),
  ),
});

export type PosOrderInput = z.input<typeof posOrderSchema>;
export type PosOrder = z.output<typeof posOrderSchema>;

/**
 * Body of POST /api/v1/orders. Orders stay `unknown` here on purpose: the route validates them with
 * validateBatch so that every invalid order is reported by index, not only the first one zod meets.
 */
export const posOrdersRequestSchema = z.object({
  orders: z
    .array(z.unknown(), { error: "must be an array of orders" })
    .min(1, "must contain at least one order")
    .max(MAX_ORDERS_PER_REQUEST, `must contain at most ${MAX_ORDERS_PER_REQUEST} orders per request`),
});
