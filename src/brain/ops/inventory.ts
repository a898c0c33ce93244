// The InventoryStore (src/reconcile/inventory.ts) kept in system_ops.inventory: what soulsync
// created, keyed by kind and id. Batched: one statement per call, whatever the number of items.
import type { InventoryItem, InventoryStore } from "../../reconcile/inventory.js";
import type { Queryable } from "../db/types.js";

interface Row {
  kind: string;
  id: string;
  agent: string | null;
  data: Record<string, unknown>;
}

/** An InventoryStore over a system_ops database; `agent`, when given, scopes list() to that agent's and host-wide items. */
export function createInventoryStore(db: Queryable, agent?: string): InventoryStore {
  return {
    async list() {
      const { rows } = await db.query<Row>(
        "SELECT kind, id, agent, data FROM system_ops.inventory WHERE $1::text IS NULL OR agent = $1 OR agent IS NULL ORDER BY kind, id",
        [agent ?? null],
      );
      return rows.map((r) => ({ kind: r.kind, id: r.id, agent: r.agent ?? undefined, data: r.data }));
    },
    async record(items: InventoryItem[]) {
      if (items.length === 0) return;
      await db.query(
        `INSERT INTO system_ops.inventory (kind, id, agent, data)
         SELECT k, i, a, d::jsonb FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(k, i, a, d)
         ON CONFLICT (kind, id) DO UPDATE SET agent = EXCLUDED.agent, data = EXCLUDED.data, recorded_at = now()`,
        [items.map((x) => x.kind), items.map((x) => x.id), items.map((x) => x.agent ?? null), items.map((x) => JSON.stringify(x.data ?? {}))],
      );
    },
    async forget(items) {
      if (items.length === 0) return;
      await db.query(
        "DELETE FROM system_ops.inventory AS inv USING unnest($1::text[], $2::text[]) AS u(k, i) WHERE inv.kind = u.k AND inv.id = u.i",
        [items.map((x) => x.kind), items.map((x) => x.id)],
      );
    },
  };
}
