// CLI entry: starts the simulator and prints one `sim.listening` JSON line, then one line per request.
import { parseCliArgs, USAGE } from "./cli-args";
import { startSimulator } from "./server";

function writeLine(entry: Readonly<Record<string, unknown>>): void {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
}

async function main(): Promise<void> {
  let cli;
  try {
    cli = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    process.exit(2);
  }
  // At most one line per request; webhook attempts stay out of stdout (GET /_sim/webhooks lists them).
  const printed = new Set(cli.quiet ? ["sim.error"] : ["sim.request", "sim.error"]);
  const sim = await startSimulator({
    ...cli.options,
    log: (entry) => {
      if (printed.has(String(entry["event"]))) writeLine(entry);
    },
  });
  writeLine({ event: "sim.listening", url: sim.url });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    sim.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

void main().catch((err: unknown) => {
  process.stderr.write(`simulator failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
