// Which agents have a brain at a target: per-agent databases on a server, data directories on PGlite.
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { AGENT_NAME_RE } from "../soul/schema/names.js";
import { openPg } from "./db/pg.js";
import type { BrainTarget } from "./target.js";

/** Agent names, sorted. */
export async function listBrainAgents(target: BrainTarget): Promise<string[]> {
  if (target.kind === "pglite") {
    const names = await readdir(target.root).catch(() => [] as string[]);
    const found: string[] = [];
    for (const name of names) {
      if (AGENT_NAME_RE.test(name) && (await stat(join(target.root, name, "PG_VERSION")).then(() => true, () => false))) found.push(name);
    }
    return found.sort();
  }
  const db = await openPg(target.url);
  try {
    const { rows } = await db.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE '%\\_system\\_brain' ORDER BY datname");
    return rows.map((r) => r.datname.slice(0, -"_system_brain".length)).filter((a) => AGENT_NAME_RE.test(a));
  } finally {
    await db.close();
  }
}
