// HTTP basic authentication of Adyen's webhook calls, compared in constant time.
import { createHash, timingSafeEqual } from "node:crypto";

export type BasicCredentials = { username: string; password: string };

// Hashing first gives equal-length buffers, so neither the length nor the first differing byte leaks.
function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

/** True when the Authorization header carries exactly these credentials. Never throws. */
export function isBasicAuthValid(header: string | null | undefined, expected: BasicCredentials): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  const given = match?.[1] ? Buffer.from(match[1], "base64").toString("utf8") : "";
  // Compared as one string so the work is the same whether the user name or the password is wrong.
  const isEqual = timingSafeEqual(digest(given), digest(`${expected.username}:${expected.password}`));
  return isEqual && match !== null;
}
