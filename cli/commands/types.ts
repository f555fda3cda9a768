import type { ParseArgsConfig } from "node:util";

export type Values = Record<string, string | string[] | boolean | undefined>;

export type Command = {
  words: string[];
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  positionals?: boolean;
  /** The command waits for Ctrl-C itself (a worker); otherwise Ctrl-C closes everything and exits. */
  handlesSignals?: boolean;
  run: (values: Values, positionals: string[]) => Promise<void>;
};

export function str(v: Values, key: string): string | undefined {
  const x = v[key];
  return typeof x === "string" ? x : undefined;
}

export function list(v: Values, key: string): string[] {
  const x = v[key];
  return Array.isArray(x) ? x : typeof x === "string" ? [x] : [];
}
