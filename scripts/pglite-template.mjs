// Makes dist/pglite-template: an embedded PostgreSQL data directory, initialised once at build
// time. A new agent's embedded brain is a copy of it, which saves the ~6 s of CPU that initdb
// costs per data directory (the quick start's first pass makes two). Skipped when up to date.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dest = join(root, "dist", "pglite-template");
const version = JSON.parse(readFileSync(join(root, "node_modules", "@electric-sql", "pglite", "package.json"), "utf8")).version;
const marker = join(dest, ".soulsync-template");

if (existsSync(marker) && readFileSync(marker, "utf8").trim() === version) process.exit(0);

const { PGlite } = await import("@electric-sql/pglite");
const tmp = `${dest}.tmp-${process.pid}`;
rmSync(tmp, { recursive: true, force: true });
const db = await PGlite.create({ dataDir: tmp });
await db.query("SELECT 1");
await db.close();
writeFileSync(join(tmp, ".soulsync-template"), `${version}\n`);
rmSync(dest, { recursive: true, force: true });
renameSync(tmp, dest);
console.error(`pglite template ready (${version})`);
