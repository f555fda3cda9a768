import { platformCommands } from "./platform.ts";
import { reconcileCommands } from "./reconcile.ts";
import { importCommands } from "./imports.ts";
import { idempotencyCommands } from "./idempotency.ts";
import type { Command } from "./types.ts";

export const COMMANDS: Command[] = [
  ...platformCommands,
  ...reconcileCommands,
  ...importCommands,
  ...idempotencyCommands,
];
