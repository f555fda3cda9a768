// One PostgreSQL cluster run from the embedded binaries: initdb on first use, start on a loopback port, wait until
// it accepts connections, stop. The server runs in its own session (a Ctrl-C in the terminal reaches our process,
// which stops it after the app), as `user` when we are root.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync } from "node:fs";
import { chown, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { EmbeddedDatabaseError } from "@/lib/db/embedded-error";
import { lastMeaningfulLine, rotateLog, startFailure } from "@/lib/db/postgres-log";
import { databaseAnswers } from "@/lib/db/probe";
import type { PostgresBinaries } from "@/lib/db/postgres-install";
import { SERVER_ENV, type ServerUser } from "@/lib/db/server-user";

export type Cluster = { bin: PostgresBinaries; dir: string; user: ServerUser; logFile: string };
export type RunningServer = { pid: number; stop: () => Promise<void> };

const READY_TIMEOUT_MS = 120_000; // crash recovery after a hard stop replays WAL first

function asUser(user: ServerUser): { uid?: number; gid?: number } {
  return user ? { uid: user.uid, gid: user.gid } : {};
}

/** The cluster folder, private to the server's user (PostgreSQL insists on 0700). */
async function prepareDir(c: Cluster): Promise<void> {
  await mkdir(c.dir, { recursive: true, mode: 0o700 });
  if (c.user) await chown(c.dir, c.user.uid, c.user.gid);
}

export async function initCluster(c: Cluster, password: string, opts: { noSync: boolean }): Promise<void> {
  await prepareDir(c);
  // The superuser password travels in a file only the server's user can read, never on a command line.
  const tmp = await mkdtemp(path.join(os.tmpdir(), "ops-initdb-"));
  const pwfile = path.join(tmp, "pw");
  try {
    await writeFile(pwfile, password + "\n", { mode: 0o600 });
    if (c.user) await Promise.all([chown(tmp, c.user.uid, c.user.gid), chown(pwfile, c.user.uid, c.user.gid)]);
    const args = [
      `--pgdata=${c.dir}`,
      "--username=postgres",
      `--pwfile=${pwfile}`,
      "--auth=scram-sha-256",
      // UTF-8 and code-point collation from PostgreSQL itself: the same on every machine, whatever locales it has.
      "--encoding=UTF8",
      "--locale-provider=builtin",
      "--builtin-locale=C.UTF-8",
      "--no-locale",
      "--no-instructions",
      ...(opts.noSync ? ["--no-sync"] : []),
    ];
    const { code, output } = await runToEnd(c.bin.initdb, args, c.user);
    if (code !== 0) {
      throw new EmbeddedDatabaseError(
        `initdb failed for ${c.dir}: ${lastMeaningfulLine(output) ?? `exit code ${code}`}`,
        `fix the cause, remove ${c.dir} (it holds no data yet) and start again`,
      );
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

function runToEnd(file: string, args: string[], user: ServerUser): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...asUser(user), cwd: "/", env: SERVER_ENV, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.once("error", (err) => reject(spawnError(file, user, err)));
    child.once("close", (code) => resolve({ code, output }));
  });
}

function spawnError(file: string, user: ServerUser, err: Error): EmbeddedDatabaseError {
  return new EmbeddedDatabaseError(
    `could not run ${file}${user ? ` as the "${user.name}" user` : ""} (${err.message})`,
    "run `npm install` again, or set DATABASE_URL to a PostgreSQL server",
  );
}

/** The port of a server already running on this cluster (its postmaster.pid says so), if any. */
export async function runningPort(dir: string): Promise<number | undefined> {
  const file = path.join(dir, "postmaster.pid");
  if (!existsSync(file)) return undefined;
  const lines = (await readFile(file, "utf8").catch(() => "")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return undefined;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return undefined; // gone: a stale file
  }
  return port;
}

export async function startCluster(c: Cluster, port: number, flags: string[], url: string): Promise<RunningServer> {
  await rotateLog(c.logFile);
  const logFd = openSync(c.logFile, "a", 0o600);
  let child: ChildProcess;
  try {
    child = spawn(c.bin.postgres, ["-D", c.dir, "-p", String(port), ...flags], {
      ...asUser(c.user),
      cwd: "/",
      env: SERVER_ENV,
      detached: true,
      stdio: ["ignore", logFd, logFd],
    });
  } finally {
    closeSync(logFd);
  }
  let spawnErr: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", (err) => {
      spawnErr = err;
      resolve();
    });
  });
  child.unref();
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const outcome = await Promise.race([
      exited.then(() => "exited" as const),
      new Promise<"tick">((r) => setTimeout(() => r("tick"), 150)),
    ]);
    if (outcome === "exited")
      throw spawnErr ? spawnError(c.bin.postgres, c.user, spawnErr) : await startFailure(c.logFile, c.dir, child.pid);
    if (await databaseAnswers(url, 1000)) break;
    if (Date.now() > deadline) {
      child.kill("SIGQUIT");
      throw new EmbeddedDatabaseError(
        `PostgreSQL did not accept connections within ${READY_TIMEOUT_MS / 1000} s`,
        `see ${c.logFile}`,
      );
    }
  }
  return { pid: child.pid!, stop: () => stopChild(child, exited) };
}

/** Fast shutdown (clients disconnected, a checkpoint written); immediate shutdown if that hangs. */
async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const waitFor = async (ms: number): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)));
    const done = await Promise.race([exited.then(() => true), timeout]);
    clearTimeout(timer);
    return done;
  };
  child.kill("SIGINT");
  if (await waitFor(60_000)) return;
  child.kill("SIGQUIT");
  if (await waitFor(10_000)) return;
  child.kill("SIGKILL");
  await waitFor(5_000);
}
