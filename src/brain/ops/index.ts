export * from "./inventory.js";
export * from "./state.js";
