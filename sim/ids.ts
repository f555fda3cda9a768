// Identifier generators shaped like Adyen's (PSP references, payment link ids, tender references, auth codes).
import { randomBytes, randomInt } from "node:crypto";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

function randomChars(alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** 16 upper-case alphanumerics, the current PSP reference format (e.g. "QFQTPCQ8HXSKGK82"). */
export function newPspReference(): string {
  return randomChars(ALNUM, 16);
}

/** "PL" + 16 upper-case hex digits, as in "PLE83C39B0A0DE0C1E". */
export function newPaymentLinkId(): string {
  return `PL${randomBytes(8).toString("hex").toUpperCase()}`;
}

/** Terminal tender reference: 4 lower-case alphanumerics, "00", epoch milliseconds ("4r7i001556529591000"). */
export function newTenderReference(at: Date): string {
  return `${randomChars("abcdefghijklmnopqrstuvwxyz0123456789", 4)}00${at.getTime()}`;
}

export function newAuthCode(): string {
  return String(randomInt(1_000_000)).padStart(6, "0");
}

export function newRequestId(): string {
  return randomBytes(16).toString("hex");
}
