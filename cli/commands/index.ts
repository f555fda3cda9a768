import { platformCommands } from "./platform.ts";
import type { Command } from "./types.ts";

export const COMMANDS: Command[] = [...platformCommands];
