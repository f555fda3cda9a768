// Platform commands: migrate, seed, users, tokens, stores, worker.
import { openContext, UsageError } from "../context.ts";
import { promptSecret } from "../prompt.ts";
import { list, str, type Command } from "./types.ts";
import { db } from "../../lib/db.ts";
import { createUser, removeDemoUsers, setUserDisabled } from "../../lib/auth/users.ts";
import { expiryFromDuration } from "../../lib/auth/token-expiry.ts";
import { createApiToken } from "../../lib/auth/api-tokens.ts";
import { upsertStore } from "../../lib/stores/stores.ts";
import { seedDemo } from "../../prisma/seed/demo.ts";

export const platformCommands: Command[] = [
  {
    words: ["migrate"],
    usage: "migrate",
    summary: "Apply the committed SQL migrations (idempotent; safe while the app runs).",
    options: {},
    run: async () => {
      const ctx = await openContext();
      const { applied, alreadyApplied } = ctx.migrated;
      for (const name of applied) process.stdout.write(`applied ${name}\n`);
      process.stdout.write(`migrations: ${applied.length} applied, ${alreadyApplied} already in place\n`);
      await ctx.close();
    },
  },
  {
    words: ["seed"],
    usage: "seed --demo",
    summary: "Seed the simulator's demo stores and demo users (idempotent).",
    options: { demo: { type: "boolean" } },
    run: async (v) => {
      if (!v.demo)
        throw new UsageError("seed needs --demo (production data comes from Adyen and the POS, not from seeds)");
      const ctx = await openContext();
      // Demo logins with published passwords must never exist next to real Adyen credentials.
      if (ctx.env.ADYEN_API_KEY) {
        await ctx.close();
        throw new UsageError("demo data exists only in simulator mode (no ADYEN_API_KEY set)");
      }
      const r = await seedDemo(db());
      process.stdout.write(`demo data: ${r.stores} stores, ${r.usersCreated} users created\n`);
      await ctx.close();
    },
  },
  {
    words: ["user", "create"],
    usage: "user create --email <email> --role <role> [--store <id>…] [--name <name>]",
    summary: "Create a user; the password comes from OPS_PASSWORD or a prompt.",
    options: {
      email: { type: "string" },
      role: { type: "string" },
      store: { type: "string", multiple: true },
      name: { type: "string" },
    },
    run: async (v) => {
      const ctx = await openContext();
      const password = ctx.env.OPS_PASSWORD ?? (await promptSecret("Password (at least 12 characters): "));
      const user = await createUser(
        {
          email: str(v, "email") ?? "",
          role: str(v, "role") ?? "",
          storeIds: list(v, "store"),
          name: str(v, "name"),
          password,
        },
        "system",
      );
      process.stdout.write(`created ${user.role} ${user.email}\n`);
      await ctx.close();
    },
  },
  ...(["disable", "enable"] as const).map((verb): Command => ({
    words: ["user", verb],
    usage: `user ${verb} --email <email>`,
    summary:
      verb === "disable"
        ? "Disable a user: sign-in refused, open sessions end at once (audited)."
        : "Enable a disabled user again (audited).",
    options: { email: { type: "string" } },
    run: async (v) => {
      const email = (str(v, "email") ?? "").trim().toLowerCase();
      if (!email) throw new UsageError(`user ${verb} needs --email`);
      const ctx = await openContext();
      const user = await db().user.findUnique({ where: { email }, select: { id: true } });
      if (!user) {
        await ctx.close();
        throw new UsageError(`no user with email ${email}`);
      }
      await setUserDisabled("system", { userId: user.id, disabled: verb === "disable" });
      process.stdout.write(`${email} ${verb}d\n`);
      await ctx.close();
    },
  })),
  {
    words: ["user", "remove-demo"],
    usage: "user remove-demo",
    summary: "Delete the demo accounts (published passwords) and revoke their tokens: do this before going live.",
    options: {},
    run: async () => {
      const ctx = await openContext();
      const removed = await removeDemoUsers("system");
      process.stdout.write(removed.length ? `removed ${removed.join(", ")}\n` : "no demo accounts\n");
      await ctx.close();
    },
  },
  {
    words: ["token", "create"],
    usage: "token create --role <role> [--store <id>…] --name <label> [--expires-in 90d]",
    summary: "Create an API token for /api/v1 (printed once, stored hashed); optionally valid for 12h, 30d, 2w….",
    options: {
      role: { type: "string" },
      store: { type: "string", multiple: true },
      name: { type: "string" },
      "expires-in": { type: "string" },
    },
    run: async (v) => {
      const expiresAt = expiryFromDuration(str(v, "expires-in"));
      const ctx = await openContext();
      const { token } = await createApiToken(
        { name: str(v, "name") ?? "", role: str(v, "role") ?? "", storeIds: list(v, "store"), expiresAt },
        "system",
      );
      process.stdout.write(`${token}\n`);
      process.stderr.write("Store this token now: it is not shown again.\n");
      await ctx.close();
    },
  },
  {
    words: ["store", "upsert"],
    usage:
      "store upsert --id <Adyen store id> --name <name> --timezone <IANA zone> [--reference …] [--country XX] [--currency EUR]",
    summary: "Create or update a store.",
    options: {
      id: { type: "string" },
      name: { type: "string" },
      timezone: { type: "string" },
      reference: { type: "string" },
      country: { type: "string" },
      currency: { type: "string" },
    },
    run: async (v) => {
      const ctx = await openContext();
      const s = await upsertStore(
        {
          id: str(v, "id") ?? "",
          name: str(v, "name") ?? "",
          timezone: str(v, "timezone") ?? "",
          reference: str(v, "reference"),
          country: str(v, "country"),
          defaultCurrency: str(v, "currency"),
        },
        "system",
      );
      process.stdout.write(`store ${s.id} (${s.name}, ${s.timezone}) saved\n`);
      await ctx.close();
    },
  },
  {
    words: ["worker"],
    usage: "worker",
    summary: "Run the background jobs in this process only (for deployments that scale the web tier separately).",
    options: {},
    handlesSignals: true,
    run: async () => {
      await openContext();
      const { startJobWorkers, stopJobs } = await import("../../lib/jobs/queue.ts");
      await import("../../lib/jobs/handlers.ts");
      await startJobWorkers();
      process.stdout.write("worker running; Ctrl-C to stop\n");
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      await stopJobs();
    },
  },
];
