// Fields of Adyen's Management API that carry secrets: terminal passcodes, the nexo (Terminal API) key passphrase,
// basic-auth passwords of event URLs, Wi-Fi pre-shared keys and EAP credentials. Terminal settings reads and the
// standalone switch's PATCH carry them, so this dashboard's own recorded Adyen calls drop their values by name
// before anything is stored. The list is data taken from the schema in sim/contracts/ManagementService-v3.json:
// every property whose name has a word password, passphrase, pwd, pin, psk, secret or key (secret-fields.test.ts
// fails when the schema and the list disagree).

export const SECRET_FIELD_NAMES = [
  // Passcodes
  "adminMenuPin",
  "refundPin",
  "screenLockPin",
  "txMenuPin",
  // Nexo: the Terminal API encryption key (identifier, passphrase, version) and its passphrase alone
  "encryptionKey",
  "passphrase",
  // Url (event and display URLs): basic auth
  "password",
  // Wi-Fi profiles: PSK, EAP passwords and the client's private key
  "psk",
  "eapPwd",
  "eapClientPwd",
  "eapClientKey",
  // MeApiCredential: the client key of the API credential
  "clientKey",
] as const;

/** Named like a secret, but not one: hypermedia links to actions (`{href}`), kept as they are. */
export const NOT_SECRET_FIELD_NAMES = ["generateApiKey", "generateClientKey"] as const;

export const SECRET_VALUE = "[redacted]";
/** Adyen's bodies are a few levels deep; anything deeper than this is dropped rather than walked. */
const MAX_DEPTH = 32;

const SECRET = new Set<string>(SECRET_FIELD_NAMES.map((n) => n.toLowerCase()));

function isSecretName(name: string): boolean {
  return SECRET.has(name.toLowerCase());
}

function redactValue(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return SECRET_VALUE;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = isSecretName(k) ? SECRET_VALUE : redactValue(v, depth + 1);
  return out;
}

/**
 * A body with the value of every secret field replaced (whatever its type: a PIN, a whole key object). A body that
 * is not JSON but names such a field is dropped whole: it cannot be redacted field by field.
 */
export function redactSecretFields(body: string | undefined): string | undefined {
  if (body === undefined || body === "") return body;
  const lower = body.toLowerCase();
  if (!SECRET_FIELD_NAMES.some((n) => lower.includes(n.toLowerCase()))) return body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return SECRET_VALUE;
  }
  return JSON.stringify(redactValue(parsed, 0));
}
