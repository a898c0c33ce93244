// The host repo and bootstrap configuration.
export * from "./agent/model.js";
export { epairOf, jailNameProblem } from "./agent/jail-name.js";
export { RESERVED_AGENT_NAMES } from "./agent/reserved.js";
export { validateAgentEnv } from "./agent/rules.js";
export { loadBootstrap, type Bootstrap } from "./bootstrap.js";
export { envPathOf, loadHostConfig, type HostCheck } from "./check.js";
export { validateAcrossAgents } from "./cross.js";
export { parseEnvFile } from "./env/parse.js";
export { readHostSpec } from "./host.js";
export { parseHostYaml } from "./host-yaml.js";
