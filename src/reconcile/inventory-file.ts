// A file-backed InventoryStore in the state directory (until the brain's system_ops tables land).
// Every change rewrites the file atomically.
import { join } from "node:path";
import { readFileIfExists, writeFileAtomic } from "./drivers/files.js";
import type { InventoryItem, InventoryStore } from "./inventory.js";

const key = (i: Pick<InventoryItem, "kind" | "id">) => `${i.kind}\u0000${i.id}`;

/** The store kept in `<stateDir>/inventory.json`. */
export function fileInventoryStore(stateDir: string): InventoryStore {
  const path = join(stateDir, "inventory.json");
  const load = async (): Promise<InventoryItem[]> => {
    const text = await readFileIfExists(path);
    return text ? ((JSON.parse(text) as { items: InventoryItem[] }).items ?? []) : [];
  };
  const save = (items: InventoryItem[]) => writeFileAtomic(path, `${JSON.stringify({ version: 1, items }, null, 2)}\n`, 0o600);
  return {
    list: load,
    async record(items) {
      const all = new Map((await load()).map((i) => [key(i), i]));
      for (const i of items) all.set(key(i), i);
      await save([...all.values()]);
    },
    async forget(items) {
      const gone = new Set(items.map(key));
      await save((await load()).filter((i) => !gone.has(key(i))));
    },
  };
}
