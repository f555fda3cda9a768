// The operations CLI. Works against the same database as the app, the embedded one included while it runs.
import { parseArgs } from "node:util";
import { closeContexts, reportAndExit, UsageError } from "./context.ts";
import { COMMANDS } from "./commands/index.ts";
import { logToStderr } from "../lib/log.ts";

const HELP = `Usage: npx ops <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.usage.padEnd(72)} ${c.summary}`).join("\n")}

Configuration comes from the environment (see .env.example): without DATABASE_URL the embedded
PostgreSQL under DATA_DIR is used (the running app's, or started for the command).`;

async function main(argv: string[]): Promise<void> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    process.stdout.write(HELP + "\n");
    return;
  }
  const command = COMMANDS.find((c) => c.words.every((w, i) => argv[i] === w));
  if (!command) throw new UsageError(`unknown command: ${argv.slice(0, 2).join(" ")}`);
  if (!command.handlesSignals) {
    // A one-shot command: stdout is its output, logs go to stderr (the worker, a service, logs as the app does).
    logToStderr();
    const interrupt = () => void closeContexts().then(() => process.exit(130));
    process.once("SIGINT", interrupt);
    process.once("SIGTERM", interrupt);
  }
  const rest = argv.slice(command.words.length);
  if (rest.includes("--help")) {
    process.stdout.write(`Usage: npx ops ${command.usage}\n${command.summary}\n`);
    return;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: command.options,
      allowPositionals: command.positionals ?? false,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  await command.run(parsed.values as Record<string, string | string[] | boolean | undefined>, parsed.positionals);
}

main(process.argv.slice(2)).then(
  () => closeContexts().then(() => process.exit(0)),
  (err: unknown) => closeContexts().then(() => reportAndExit(err)),
);
