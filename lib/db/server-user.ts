// PostgreSQL refuses to run as root. When we are root, the embedded server runs as the OS user `postgres`
// (created when missing), and everything it touches must be reachable by that user through every parent folder.
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { EmbeddedDatabaseError } from "@/lib/db/embedded-error";

const run = promisify(execFile);
const SERVER_USER = "postgres";

/** The whole environment of the server's processes: nothing of ours (secrets) in /proc/<pid>/environ, messages in
 * English. Typed as a full ProcessEnv, which it deliberately is not. */
export const SERVER_ENV = { PATH: "/usr/bin:/bin", LC_ALL: "C" } as Partial<NodeJS.ProcessEnv> as NodeJS.ProcessEnv;

/** Who the server processes run as: the current user (no switch) or another account's ids. */
export type ServerUser = { name: string; uid: number; gid: number } | undefined;

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

async function idsOf(name: string): Promise<{ uid: number; gid: number } | undefined> {
  try {
    const [uid, gid] = await Promise.all([run("id", ["-u", name]), run("id", ["-g", name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/** undefined when not root (the server runs as us); else the `postgres` account, created as a system user. */
export async function serverUser(): Promise<ServerUser> {
  if (!isRoot()) return undefined;
  const known = await idsOf(SERVER_USER);
  if (known) return { name: SERVER_USER, ...known };
  try {
    await run("useradd", [
      "--system",
      "--user-group",
      "--no-create-home",
      "--home-dir",
      "/nonexistent",
      "--shell",
      "/usr/sbin/nologin",
      "--comment",
      "embedded PostgreSQL",
      SERVER_USER,
    ]);
  } catch (err) {
    throw new EmbeddedDatabaseError(
      `PostgreSQL cannot run as root and the user "${SERVER_USER}" could not be created (${firstLine(err)})`,
      `create it (useradd --system --user-group ${SERVER_USER}) or set DATABASE_URL to a PostgreSQL server`,
    );
  }
  const created = await idsOf(SERVER_USER);
  if (!created)
    throw new EmbeddedDatabaseError(`the user "${SERVER_USER}" was created but has no id`, "check /etc/passwd");
  return { name: SERVER_USER, ...created };
}

/**
 * Whether the user can reach `target` for `access` (x: enter a folder or run a file, w: write), parent folders
 * included: asked of the system by running `test` as that user, so ACLs and mounts count too.
 */
export async function userCan(user: ServerUser, access: "x" | "w", target: string): Promise<boolean> {
  if (!user) return true;
  return new Promise((resolve) => {
    const child = spawn("/bin/sh", ["-c", `test -${access} "$1"`, "sh", target], {
      uid: user.uid,
      gid: user.gid,
      cwd: "/",
      env: SERVER_ENV,
      stdio: "ignore",
    });
    child.once("error", () => resolve(false));
    child.once("exit", (code) => resolve(code === 0));
  });
}

export function firstLine(err: unknown): string {
  const text = err instanceof Error ? ("stderr" in err && String(err.stderr).trim()) || err.message : String(err);
  return text.split("\n")[0]!.trim();
}
