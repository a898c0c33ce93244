// The inventory of what soulsync created on a host (Flux-style): only these may ever be
// pruned. Kept in system_ops by the brain store; the interface lets the sim and tests swap it.

export interface InventoryItem {
  /** e.g. "jail", "alias", "pf-file", "database", "role", "rc-script", "file". */
  kind: string;
  /** Stable id within the kind, e.g. the jail name or a path. */
  id: string;
  agent: string | undefined;
  /** Free-form details recorded at creation (IP, content hash…). */
  data?: Record<string, unknown>;
}

export interface InventoryStore {
  list(): Promise<InventoryItem[]>;
  /** Adds or updates items (by kind + id). */
  record(items: InventoryItem[]): Promise<void>;
  /** Removes items (after a successful prune). */
  forget(items: Pick<InventoryItem, "kind" | "id">[]): Promise<void>;
}
