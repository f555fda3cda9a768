// The single way into the database: one Prisma client over @prisma/adapter-pg, shared by the whole process.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

const globalForDb = globalThis as unknown as { __opsPrisma?: PrismaClient; __opsDatabaseUrl?: string };

/** Entry points that resolved the embedded database tell the process where it is. */
export function setDatabaseUrl(url: string): void {
  globalForDb.__opsDatabaseUrl = url;
}

export function databaseUrl(): string {
  const url = globalForDb.__opsDatabaseUrl ?? env().DATABASE_URL;
  if (!url) throw new Error("No database configured: set DATABASE_URL or start through `npm start` / `npx ops`.");
  return url;
}

export function db(): PrismaClient {
  globalForDb.__opsPrisma ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl(), max: 20, connectionTimeoutMillis: 5_000 }),
  });
  return globalForDb.__opsPrisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.__opsPrisma?.$disconnect();
  globalForDb.__opsPrisma = undefined;
}

export type { PrismaClient };
export { Prisma } from "@/lib/generated/prisma/client";
