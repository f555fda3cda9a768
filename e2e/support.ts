// Test support that talks to the running stack like its real users do: the ops CLI, the public API and the
// simulator's control API.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { childEnv } from "../lib/env";
import { E2E_BASE_URL, E2E_DATA_DIR } from "./config";

export function runtime(): { appUrl: string; simUrl: string; simApiKey: string } {
  const rt = JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "runtime.json"), "utf8")) as {
    appUrl: string;
    simUrl: string;
  };
  const secrets = JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "secrets.json"), "utf8")) as { simApiKey: string };
  return { ...rt, simApiKey: secrets.simApiKey };
}

/** An API token made with the real CLI against the running app's embedded database. */
export function createToken(role: string, name: string): string {
  const out = execFileSync(process.execPath, ["bin/ops.js", "token", "create", "--role", role, "--name", name], {
    cwd: path.resolve(import.meta.dirname, ".."),
    env: childEnv({ DATA_DIR: E2E_DATA_DIR, DATABASE_URL: "", LOG_LEVEL: "warn" }),
    encoding: "utf8",
  });
  return out.trim().split("\n").at(-1) ?? "";
}

/** A user made with the real CLI (password through OPS_PASSWORD, as the README says). */
export function createUser(email: string, role: string, password: string): void {
  execFileSync(process.execPath, ["bin/ops.js", "user", "create", "--email", email, "--role", role], {
    cwd: path.resolve(import.meta.dirname, ".."),
    env: childEnv({ DATA_DIR: E2E_DATA_DIR, DATABASE_URL: "", LOG_LEVEL: "warn", OPS_PASSWORD: password }),
    encoding: "utf8",
  });
}

export async function api(
  token: string,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${E2E_BASE_URL}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function sim(pathname: string, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const res = await fetch(`${runtime().simUrl}${pathname}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`simulator ${pathname}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}
