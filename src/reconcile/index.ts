// Reconciling a host: actions, observation, pure planners, drivers and the apply loop.
export * from "./actions.js";
export { applyAction, planHost, type ReconcileOptions, type ReconcileOutcome, reconcileHost } from "./apply.js";
export { freebsdDriver } from "./drivers/freebsd.js";
export { simDb } from "./drivers/sim/db.js";
export { simDriver } from "./drivers/sim/driver.js";
export type { Driver } from "./drivers/types.js";
export { fileInventoryStore } from "./inventory-file.js";
export type { InventoryItem, InventoryStore } from "./inventory.js";
export { outcomeRecord, recordOutcome } from "./outcome.js";
export { type Plan, PLAN_VERSION, actionJson, planJson } from "./plan-format.js";
export { hostDirOf, openSession, type ReconcileSession } from "./session.js";
export { desiredState, type Want } from "./want.js";
