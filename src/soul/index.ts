export * from "./limits.js";
export * from "./load.js";
export type * from "./model.js";
export * from "./schema/manifest.js";
export * from "./schema/memory.js";
export * from "./schema/names.js";
export * from "./schema/skill.js";
export * from "./tree/types.js";
export * from "./validate/index.js";
