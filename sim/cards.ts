// Card data for simulated payments, taken from Adyen's published test cards.
import { randomInt } from "node:crypto";

export interface TestCard {
  readonly brand: string; // paymentMethod as Adyen reports it
  readonly label: string; // as printed on a receipt
  readonly bin: string;
  readonly lastFour: string;
  readonly expiry: string; // MM/YYYY
}

export const TEST_CARDS: readonly TestCard[] = [
  { brand: "visa", label: "VISA", bin: "411111", lastFour: "1142", expiry: "03/2030" },
  { brand: "mc", label: "MASTERCARD", bin: "555534", lastFour: "1115", expiry: "03/2030" },
  { brand: "maestro", label: "MAESTRO", bin: "677179", lastFour: "0008", expiry: "03/2030" },
  { brand: "amex", label: "AMEX", bin: "370000", lastFour: "0002", expiry: "03/2030" },
];

/** A known test card for the brand (random brand if none); an unknown brand gets generic card data. */
export function pickCard(brand?: string, lastFour?: string): TestCard {
  const known =
    brand === undefined ? TEST_CARDS[randomInt(TEST_CARDS.length)] : TEST_CARDS.find((c) => c.brand === brand);
  const name = brand ?? "visa";
  const base = known ?? { brand: name, label: name.toUpperCase(), bin: "400000", lastFour: "0000", expiry: "03/2030" };
  return lastFour ? { ...base, lastFour } : base;
}
