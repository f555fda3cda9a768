// Secrets the app needs that the operator did not give: generated once and kept under DATA_DIR (mode 600).
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

const secretsSchema = z.object({
  nextauthSecret: z.string().min(32),
  simApiKey: z.string().min(16),
  simHmacKey: z.string().regex(/^[0-9A-F]{64}$/),
  simWebhookUsername: z.string().min(1),
  simWebhookPassword: z.string().min(16),
});
export type LocalSecrets = z.infer<typeof secretsSchema>;

function generate(): LocalSecrets {
  return {
    nextauthSecret: randomBytes(32).toString("base64url"),
    simApiKey: "sim_" + randomBytes(24).toString("base64url"),
    simHmacKey: randomBytes(32).toString("hex").toUpperCase(),
    simWebhookUsername: "adyen-sim",
    simWebhookPassword: randomBytes(18).toString("base64url"),
  };
}

export async function ensureLocalSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.join(path.resolve(dataDir), "secrets.json");
  if (existsSync(file)) {
    const parsed = secretsSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
    if (parsed.success) return parsed.data;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const fresh = generate();
  await writeFile(file, JSON.stringify(fresh, null, 2), { mode: 0o600 });
  return fresh;
}
