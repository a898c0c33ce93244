// What an applied action adds to or removes from the inventory (pure).
import type { Action } from "./actions.js";
import type { InventoryItem } from "./inventory.js";

/** The inventory change of one successful action. */
export function inventoryOf(a: Action): { record?: InventoryItem; forget?: Pick<InventoryItem, "kind" | "id"> } {
  const agent = a.agent;
  switch (a.kind) {
    case "bridge.create":
      return { record: { kind: "bridge", id: a.bridge, agent: undefined } };
    case "address.add":
      return { record: { kind: "address", id: a.cidr, agent, data: { bridge: a.bridge } } };
    case "address.remove":
      return { forget: { kind: "address", id: a.cidr } };
    case "file.write":
      return { record: { kind: "file", id: a.path, agent, data: { hash: a.hash } } };
    case "jail.create":
      return { record: { kind: "jail", id: a.name, agent, data: { ip: a.ip, release: a.release } } };
    case "jail.destroy":
      return { forget: { kind: "jail", id: a.name } };
    case "db.role.create":
      return { record: { kind: "role", id: a.role, agent } };
    case "db.database.create":
      return { record: { kind: "database", id: a.database, agent, data: { owner: a.owner } } };
    case "rc.set":
    case "rc.append":
      return { record: { kind: "rc", id: a.name, agent, data: { value: a.value } } };
    default:
      return {};
  }
}
