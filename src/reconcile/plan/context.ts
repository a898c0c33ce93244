// What planners know besides desired and observed state: what soulsync created, and whether to prune.
import type { InventoryItem } from "../inventory.js";

export interface PlanContext {
  inventory: InventoryItem[];
  /** Destroy jails soulsync created that are no longer wanted (`--prune`). */
  prune: boolean;
}

/** True when the inventory holds an item of this kind and id. */
export function created(ctx: PlanContext, kind: string, id: string): boolean {
  return ctx.inventory.some((i) => i.kind === kind && i.id === id);
}
