export * from "./brain.js";
export * from "./ops.js";
export * from "./skills.js";
export * from "./types.js";
